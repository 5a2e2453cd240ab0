package dev.bgtransfer.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferKind;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferState;

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

    /** @param err where a pause that will cost the bytes says so */
    void apply(Command.ById command, PrintStream err) {
        for (long id : command.ids()) {
            switch (command.operation()) {
                case PAUSE -> pause(id, err);
                case START -> service.start(id);
                case STOP -> service.stop(id);
                case REMOVE -> service.remove(id, command.deleteFile());
            }
        }
    }

    /**
     * Pauses as asked (the person may have reasons, such as a metered connection, to stop the traffic
     * whatever it costs), but says on stderr when the transfer cannot resume: its bytes will be
     * fetched (or sent) again when it starts.
     */
    private void pause(long id, PrintStream err) {
        Optional<Transfer> before = service.get(id);
        service.pause(id);
        before.filter(transfer -> transfer.resumability().isNot() && isUnderWay(transfer.state()))
                .ifPresent(transfer -> err.println(NLS.bind(transfer.kind() == TransferKind.UPLOAD
                        ? Messages.pausedUploadNotResumable : Messages.pausedNotResumable,
                        transfer.id(), transfer.resumability().reason())));
    }

    private static boolean isUnderWay(TransferState state) {
        return state == TransferState.QUEUED || state == TransferState.RUNNING;
    }
}
