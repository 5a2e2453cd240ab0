package dev.bgtransfer.cli.internal;

import java.util.ArrayList;
import java.util.List;

import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferSession;

/**
 * {@code get}: downloads each URL into the folder, continuing a stored unfinished download of the
 * same URL and folder from its bytes instead of starting again.
 */
final class GetCommand {
    private final TransferService service;

    GetCommand(TransferService service) {
        this.service = service;
    }

    /** @return the ids to wait for, in the order of the URLs */
    List<Long> start(Command.Get get) {
        TransferSession session = CommandLineSession.open(service, get.options());
        UnfinishedTransfers unfinished = new UnfinishedTransfers(service);
        List<Long> ids = new ArrayList<>();
        for (TransferRequest request : get.requests()) {
            // a URL given twice is fetched once
            ids.add(unfinished.start(TransferKey.of(request), get.user(), get.headers(), get.options().limitRate(),
                    () -> session.add(request),
                    () -> session.download(request)));
        }
        return ids;
    }
}
