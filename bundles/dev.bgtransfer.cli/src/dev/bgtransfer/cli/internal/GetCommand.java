package dev.bgtransfer.cli.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferSession;

/**
 * {@code get}: downloads each URL into the folder, continuing a stored unfinished transfer of the
 * same URL and folder from its bytes instead of starting again.
 */
final class GetCommand {
    /** A full disk is waited out this long, unless {@code --wait-for-space} says otherwise: a get always ends. */
    static final Duration DEFAULT_SPACE_WAIT = Duration.ofSeconds(60);

    private final TransferService service;

    GetCommand(TransferService service) {
        this.service = service;
    }

    /** @return the ids to wait for, in the order of the URLs */
    List<Long> start(Command.Get get) {
        TransferOptions options = service.options();
        if (get.maxPerHost().isPresent()) {
            options = options.withMaxConnectionsPerHost(get.maxPerHost().get());
        }
        if (get.stallTimeout().isPresent()) {
            options = options.withStallTimeout(get.stallTimeout().get());
        }
        if (get.retries().isPresent()) {
            options = options.withRetries(get.retries().get(), options.firstRetryDelay());
        }
        TransferSession session = CommandLineSession.open(service,
                options.withMaxSpaceWait(Optional.of(get.spaceWait().orElse(DEFAULT_SPACE_WAIT))));
        Map<List<Object>, Long> unfinished = unfinishedByUrlAndFolder();
        List<Long> ids = new ArrayList<>();
        for (TransferRequest request : get.requests()) {
            // a URL given twice is fetched once
            List<Object> key = List.of(request.url(), request.destinationFolder());
            Long known = unfinished.get(key);
            long id;
            if (get.user().isPresent()) {
                id = known != null ? known : session.add(request).id();
                service.authenticate(id, get.user().get());
            } else if (known != null) {
                id = known;
                service.start(id);
            } else {
                id = session.download(request).id();
            }
            unfinished.put(key, id);
            ids.add(id);
        }
        return ids;
    }

    /** @return the newest unfinished transfer of each URL and folder, read once however many URLs are asked for */
    private Map<List<Object>, Long> unfinishedByUrlAndFolder() {
        Map<List<Object>, Long> unfinished = new HashMap<>();
        for (Transfer transfer : service.unfinished()) {
            unfinished.merge(List.of(transfer.url(), transfer.destinationFolder()), transfer.id(), Math::max);
        }
        return unfinished;
    }
}
