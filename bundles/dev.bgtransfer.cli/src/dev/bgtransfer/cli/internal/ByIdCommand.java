package dev.bgtransfer.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TransferService;

/**
 * {@code pause}, {@code start}, {@code stop} and {@code remove} of the transfers named by their ids,
 * in any session, as the service's own operations do them: each does nothing to a transfer in a
 * state it does not apply to. An id the store does not know refuses the whole command before it
 * touches any transfer.
 */
final class ByIdCommand {
    private final TransferService service;

    ByIdCommand(TransferService service) {
        this.service = service;
    }

    /** @return whether every id names a transfer; if not, a sentence on {@code console}'s stderr */
    boolean allKnown(List<Long> ids, Path state, Console console) {
        List<Long> unknown = ids.stream().filter(id -> service.get(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            String shown = unknown.stream().map(String::valueOf).collect(Collectors.joining(", "));
            console.err().println(NLS.bind(Messages.unknownIds, shown, state));
        }
        return unknown.isEmpty();
    }

    void apply(Command.ById command) {
        for (long id : command.ids()) {
            switch (command.operation()) {
                case PAUSE -> service.pause(id);
                case START -> service.start(id);
                case STOP -> service.stop(id);
                case REMOVE -> service.remove(id, command.deleteFile());
            }
        }
    }
}
