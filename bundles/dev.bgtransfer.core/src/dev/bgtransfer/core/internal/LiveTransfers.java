package dev.bgtransfer.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TimelineEntry.Kind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.internal.download.CrashedWrites;
import dev.bgtransfer.core.internal.timeline.Messages;
import dev.bgtransfer.core.internal.timeline.Timeline;
import dev.bgtransfer.core.internal.timeline.Timelines;
import dev.bgtransfer.core.spi.TransferRecord;

/**
 * The transfers as the engine knows them: the unfinished ones in memory, with the bytes moved since
 * their last checkpoint and their waits to retry; the completed ones in the store only, so memory
 * does not grow with the history. A change of state is stored, then announced; a start is
 * stored with the first record its Job stores. Guarded by the engine's lock.
 */
final class LiveTransfers {
    private final SessionStores store;
    private final EventDispatcher events;
    private final Timelines timelines;
    /** Every transfer that is not completed, by id. */
    private final Map<Long, TransferRecord> records = new LinkedHashMap<>();
    /** Running transfers that wait to retry: their last failure and when they try again. */
    private final Map<Long, Retry> waitingToRetry = new HashMap<>();

    LiveTransfers(SessionStores store, EventDispatcher events, Timelines timelines) {
        this.store = store;
        this.events = events;
        this.timelines = timelines;
    }

    /**
     * Takes up what the store holds: transfers that were queued or running are queued again (or
     * paused, when {@code continueUnfinished} is false), with the bytes a crash left counted.
     *
     * @return the unfinished transfers, now held
     */
    List<TransferRecord> restore(boolean continueUnfinished) {
        List<TransferRecord> unfinished = new ArrayList<>();
        for (TransferRecord stored : store.loadUnfinished()) {
            TransferRecord record = stored;
            if (record.state().isActive()) {
                // its process ended while it ran: the bytes it wrote since its last checkpoint count
                record = CrashedWrites.adopt(record).withState(
                        continueUnfinished ? TransferState.QUEUED : TransferState.PAUSED, null, Instant.now());
                store.save(record);
                timelines.of(record.id()).record(Kind.STATE, "from", label(stored.state()), "to",
                        label(record.state()), "bytes", Long.toString(record.bytes()), "reason", Messages.processEnded);
            }
            hold(record);
            unfinished.add(record);
        }
        return unfinished;
    }

    /**
     * Stores and holds a new transfer, made by {@code created} from a new id, then announces it:
     * queued when {@code start}, else not started.
     */
    TransferRecord add(LongFunction<TransferRecord> created, boolean start) {
        TransferRecord record = created.apply(store.nextId());
        Instant now = record.created();
        if (start) {
            // stored once, already queued: one write per download here, not two
            record = record.withState(TransferState.QUEUED, null, now);
        }
        store.saveNew(record);
        hold(record);
        timelines.of(record.id()).record(Kind.STATE, "to", label(record.state()), "url", Timeline.url(record.url()),
                "session", record.session());
        // Added carries the state the first StateChanged leaves: QUEUED for a started one, no change from CANCELLED
        events.post(new TransferEvent.Added(record.toTransfer()));
        return record;
    }

    Optional<TransferRecord> find(long id) {
        TransferRecord live = records.get(id);
        return live != null ? Optional.of(live) : store.load(id);
    }

    TransferRecord require(long id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException(NLS.bind(RequestMessages.noTransfer, id)));
    }

    /** @return the unfinished transfer {@code id}, or {@code null} when it completed or is gone */
    TransferRecord unfinished(long id) {
        return records.get(id);
    }

    boolean isUnfinished(long id) {
        return records.containsKey(id);
    }

    /** @return the ids of the session's unfinished transfers, oldest first */
    List<Long> unfinishedIds(String session) {
        return records.values().stream().filter(record -> record.session().equals(session)).map(TransferRecord::id)
                .toList();
    }

    /** @return the unfinished transfers' records as held */
    List<TransferRecord> held() {
        return List.copyOf(records.values());
    }

    List<Transfer> unfinished() {
        return records.values().stream().map(this::snapshot).toList();
    }

    List<Transfer> unfinished(String session) {
        return records.values().stream().filter(record -> record.session().equals(session)).map(this::snapshot)
                .toList();
    }

    /**
     * @return the stored records as transfers, unfinished ones as held in memory (with the bytes
     *         moved since their last checkpoint)
     */
    List<Transfer> withLiveState(List<TransferRecord> stored) {
        return stored.stream().map(record -> snapshot(records.getOrDefault(record.id(), record))).toList();
    }

    /** @return the stored transfers of the session, oldest first */
    List<TransferRecord> stored(String session) {
        return store.loadSession(session);
    }

    /** @return at most {@code max} stored transfers of the session from {@code fromId} on, oldest first */
    List<TransferRecord> stored(String session, long fromId, int max) {
        return store.loadSessionPage(session, fromId, max);
    }

    Transfer snapshot(TransferRecord record) {
        Transfer transfer = record.toTransfer();
        Retry retry = waitingToRetry.get(record.id());
        return retry == null ? transfer : transfer.waitingToRetry(retry.lastFailure(), retry.at());
    }

    private void hold(TransferRecord record) {
        records.put(record.id(), record);
    }

    void forget(long id) {
        records.remove(id);
        waitingToRetry.remove(id);
    }

    void stopWaiting(long id) {
        waitingToRetry.remove(id);
    }

    /** Holds the bytes a running transfer moved, and announces them. */
    void progress(TransferRecord record) {
        records.put(record.id(), record);
        events.post(new TransferEvent.Progress(snapshot(record)));
    }

    /** A running transfer waits to retry: it shows the bytes the next attempt resumes from. */
    void waiting(TransferRecord durable, TransferFailure lastFailure, Instant retryAt) {
        waitingToRetry.put(durable.id(), new Retry(lastFailure, retryAt));
        progress(durable);
    }

    /** Stores a transfer's record changed in another way than its state or bytes (its URL), then announces it. */
    TransferRecord changed(TransferRecord record) {
        store.save(record);
        records.put(record.id(), record);
        events.post(new TransferEvent.Progress(snapshot(record)));
        return record;
    }

    /** Stores the record in its new state, then announces it. */
    TransferRecord transition(TransferRecord record, TransferState next, TransferFailure failure) {
        return change(record, next, failure, true);
    }

    /**
     * Holds and announces a queued transfer as running, without storing it: after a restart the
     * store's queued and running transfers are taken up alike (queued again, with what a crash left
     * counted), so the change is stored with the first record its Job stores (the partial file's
     * name before the file exists, the resume data before a ranged body, an upload's resource) or
     * with its end. One durable write less per transfer.
     */
    TransferRecord start(TransferRecord queued) {
        return change(queued, TransferState.RUNNING, null, false);
    }

    private TransferRecord change(TransferRecord record, TransferState next, TransferFailure failure, boolean stored) {
        TransferState previous = require(record.id()).state();
        if (!previous.canMoveTo(next)) {
            throw new IllegalStateException("Transfer " + record.id() + " cannot go from " + previous + " to " + next);
        }
        TransferRecord changed = record.withState(next, failure, Instant.now());
        if (stored) {
            store.save(changed);
        }
        timelines.of(changed.id()).record(Kind.STATE, "from", label(previous), "to", label(next), "bytes",
                Long.toString(changed.bytes()), "sha256", next == TransferState.COMPLETED ? changed.sha256() : null,
                "reason", failure == null ? null : failure.message());
        if (next == TransferState.COMPLETED) {
            records.remove(changed.id()); // history: read from the store from now on
            timelines.release(changed.id());
        } else {
            records.put(changed.id(), changed);
        }
        Transfer snapshot = changed.toTransfer();
        events.post(new TransferEvent.StateChanged(snapshot, previous));
        if (next == TransferState.COMPLETED) {
            events.post(new TransferEvent.Completed(snapshot));
        } else if (next == TransferState.FAILED) {
            events.post(new TransferEvent.Failed(snapshot));
        }
        return changed;
    }

    private static String label(TransferState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private record Retry(TransferFailure lastFailure, Instant at) {
    }
}
