package dev.bgtransfer.cli.internal;

import java.util.List;
import java.util.Optional;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferState;

/**
 * {@code resume}: starts every stored transfer that is neither completed nor stopped. Those that
 * were running when their process died were paused by the service at start-up with their bytes
 * kept, so they continue with a ranged request.
 */
final class ResumeCommand {

    private ResumeCommand() {
    }

    /** @return the ids started, oldest first */
    static List<Long> start(TransferService service) {
        TransferOptions bounded = service.options().withMaxSpaceWait(Optional.of(GetCommand.DEFAULT_SPACE_WAIT));
        // transfers stored before sessions are the default session's: they take the bound too
        service.setOptions(bounded);
        CommandLineSession.open(service, bounded);
        List<Long> ids = service.unfinished().stream()
                .filter(transfer -> transfer.state() != TransferState.CANCELLED)
                .map(Transfer::id)
                .toList();
        ids.forEach(service::start);
        return ids;
    }
}
