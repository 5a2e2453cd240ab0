package dev.bgtransfer.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;

/**
 * The transfers queued since the last {@link TransferEvent.AllFinished}, and how those that ended
 * ended. A batch is finished when none of its transfers is queued, running or paused, and at least
 * one completed or failed; stopped and removed ones leave it (a removed one is not listed as
 * finished either). Not thread-safe: the engine's lock guards it.
 */
final class FinishedBatch {
    /** Transfers queued in this batch that have not completed or failed (yet). */
    private final Set<Long> open = new LinkedHashSet<>();
    private final Map<Long, Transfer> completed = new LinkedHashMap<>();
    private final Map<Long, Transfer> failed = new LinkedHashMap<>();

    /** A transfer was queued: it belongs to the batch until it ends (a retried failure again). */
    void queued(long id) {
        failed.remove(id);
        open.add(id);
    }

    void completed(Transfer transfer) {
        open.remove(transfer.id());
        completed.put(transfer.id(), transfer);
    }

    void failed(Transfer transfer) {
        open.remove(transfer.id());
        failed.put(transfer.id(), transfer);
    }

    /** A transfer was stopped: it neither holds the batch back nor counts as failed. */
    void stopped(long id) {
        open.remove(id);
        failed.remove(id);
    }

    /** A transfer was removed: nothing says it finished, the file it completed may be gone. */
    void removed(long id) {
        stopped(id);
        completed.remove(id);
    }

    /** Forgets the batch: after a reset nothing is announced as finished. */
    void clear() {
        open.clear();
        completed.clear();
        failed.clear();
    }

    /**
     * A transfer still open is queued, running or paused (every other way out of the batch goes
     * through {@link #completed}, {@link #failed}, {@link #stopped} or {@link #removed}), or was left
     * running by a shutdown.
     *
     * @param session the identifier of the session whose batch this is
     * @return the announcement, when every transfer of the batch completed or failed; the batch then
     *         starts anew. Empty while one of them is still open, or when none ended.
     */
    Optional<TransferEvent.AllFinished> end(String session) {
        if (!open.isEmpty() || completed.isEmpty() && failed.isEmpty()) {
            return Optional.empty();
        }
        TransferEvent.AllFinished finished = new TransferEvent.AllFinished(session, new ArrayList<>(completed.values()),
                new ArrayList<>(failed.values()));
        completed.clear();
        failed.clear();
        return Optional.of(finished);
    }
}
