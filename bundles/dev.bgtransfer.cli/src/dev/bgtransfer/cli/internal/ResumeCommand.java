package dev.bgtransfer.cli.internal;

import java.util.List;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferState;

/**
 * {@code resume}: starts every stored transfer that is neither completed nor stopped. Those that
 * were running when their process died were paused by the service at start-up with their bytes
 * kept, so a download continues with a ranged request and an upload from the offset its server
 * reports.
 */
final class ResumeCommand {

    private ResumeCommand() {
    }

    /** @return the ids started, oldest first */
    static List<Long> start(TransferService service) {
        // transfers stored before sessions are the default session's: they take the bound on a full disk too
        service.setOptions(SessionOptions.NONE.over(service.options()));
        CommandLineSession.open(service, SessionOptions.NONE);
        List<Long> ids = service.unfinished().stream()
                .filter(transfer -> transfer.state() != TransferState.CANCELLED)
                .map(Transfer::id)
                .toList();
        ids.forEach(service::start);
        return ids;
    }
}
