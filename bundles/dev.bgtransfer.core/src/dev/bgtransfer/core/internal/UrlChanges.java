package dev.bgtransfer.core.internal;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.UrlRefresher;
import dev.bgtransfer.core.internal.jobs.Outcome;
import dev.bgtransfer.core.spi.TransferRecord;

/**
 * New URLs for downloads: the ones {@code changeUrl} gave while a transfer's Job ran, applied when the
 * Job ends, and the ones the {@link UrlRefresher} services give when a link stopped working.
 */
final class UrlChanges {
    private final Map<Long, URI> pending = new HashMap<>();
    private volatile Supplier<List<UrlRefresher>> refreshers = List::of;

    void setRefreshers(Supplier<List<UrlRefresher>> registered) {
        refreshers = registered;
    }

    /** @return {@code url} checked as a download's URL, or an {@link IllegalArgumentException} with a sentence */
    static URI checked(URI url) {
        return TransferRequest.parseUrl(String.valueOf(url));
    }

    /** Remembers that transfer {@code id}, whose Job runs, goes on from {@code url}. Guarded by the engine's lock. */
    void whenJobEnds(long id, URI url) {
        pending.put(id, url);
    }

    /** @return the outcome of transfer {@code id}'s Job with the URL given while it ran; guarded by the engine's lock */
    Outcome applyTo(Outcome outcome) {
        URI url = pending.remove(outcome.record().id());
        if (url == null) {
            return outcome;
        }
        TransferRecord moved = outcome.record().withUrl(url, Instant.now());
        return switch (outcome) {
            case Outcome.Interrupted interrupted -> new Outcome.Interrupted(moved);
            case Outcome.Failed failed -> new Outcome.Failed(moved, failed.error());
            case Outcome.Completed completed -> completed; // done before it could move: its URL stays
        };
    }

    /**
     * Asks each refresher in turn, without any lock (a refresher may take its time).
     *
     * @return the first fresh URL that is a URL a download may have and not the one that stopped working
     */
    Optional<URI> refresh(Transfer transfer, UrlRefresher.Reason reason) {
        for (UrlRefresher refresher : refreshers.get()) {
            try {
                Optional<URI> fresh = refresher.refresh(transfer, reason);
                if (fresh != null && fresh.isPresent() && !fresh.get().equals(transfer.url())) {
                    return Optional.of(checked(fresh.get()));
                }
            } catch (RuntimeException failed) {
                ILog.of(UrlChanges.class).warn(NLS.bind(RequestMessages.refresherFailed,
                        refresher.getClass().getName(), transfer.id()), failed);
            }
        }
        return Optional.empty();
    }
}
