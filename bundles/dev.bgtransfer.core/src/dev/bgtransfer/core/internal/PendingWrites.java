package dev.bgtransfer.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.internal.timeline.TimelineBound;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.core.spi.TransferStore;

/**
 * The transfers' changes on their way to the store, written in group commits: a change is queued at
 * once ({@link #save} returns its number), and whoever needs it stored (before a file gets its name,
 * before a change is announced, before an operation returns) waits for it with {@link #await}. The
 * first waiter writes everything queued so far in one {@link TransferStore#saveAll} (one
 * transaction) on its own thread; those that come while it writes wait, and the first of them
 * writes what came meanwhile, again in one transaction. So the Jobs of many small transfers share
 * commits instead of each paying for its own, hold no engine lock while one runs, and an
 * uncontended change costs no hand-over to another thread.
 * <p>
 * The latest record of each transfer waits here until the store has it and is read in place of the
 * stored one meanwhile. When the store refuses (most often because its disk is full), a change of a
 * known transfer keeps waiting here and is written again with every later batch and when the service
 * ends: a transfer must not stop at 100 % because its new state cannot be written, nor a checkpoint
 * kill its thread. A new transfer the store refuses is not added ({@link #saveNew} throws). The log
 * says once when the store refuses and once when it takes the changes again.
 * <p>
 * The transfers' timeline entries ride along: {@link #append} queues one without anybody waiting for
 * it, and the next batch writes it in the same transaction as the records
 * ({@link TransferStore#saveAll(List, List)}), so a timeline costs no commit of its own. Entries wait
 * here, read with the stored ones, until the store has them; while it refuses, each transfer's
 * waiting entries are held to the timeline's bound.
 */
final class PendingWrites {
    /** Broken batches remembered for waiters that have not woken up yet. */
    private static final int MAX_BROKEN_BATCHES = 16;

    private final TransferStore store;
    private final Map<Long, TransferRecord> pending = new LinkedHashMap<>(); // oldest change first
    /** The transfers in {@link #pending} that the store does not know yet. */
    private final Set<Long> fresh = new HashSet<>();
    /** New transfers the store refused, with its reason, until their {@link #saveNew} hears it. */
    private final Map<Long, UncheckedIOException> refusedNew = new HashMap<>();
    /** The number of the latest change queued. */
    private long queued;
    /** Every change up to this number is committed, or was refused and waits here. */
    private long settled;
    /** Whether a batch is being written (by one of the waiters). */
    private boolean writing;
    /** The latest batches that failed with something else than a refusal (a fault of the store), for their waiters. */
    private final Deque<BrokenBatch> broken = new ArrayDeque<>();
    private String refusal; // why the store refuses writes, while it does
    /** Timeline entries not yet written (or in the batch being written), per transfer, oldest first. */
    private final Map<Long, List<TimelineEntry>> timeline = new LinkedHashMap<>();

    PendingWrites(TransferStore store) {
        this.store = store;
    }

    /**
     * Queues a change of a known transfer, stored with the next batch.
     *
     * @return its number, for {@link #await}
     */
    synchronized long save(TransferRecord record) {
        // moved to the end: the changes of one transfer stay in order with the others'
        pending.remove(record.id());
        pending.put(record.id(), record);
        return ++queued;
    }

    /**
     * Stores {@code record}, a transfer the store does not know yet, with the next batch, and waits
     * until it is committed.
     *
     * @throws UncheckedIOException when the store refuses it: a transfer that cannot be stored is
     *                              not added
     */
    void saveNew(TransferRecord record) {
        long number;
        synchronized (this) {
            fresh.add(record.id());
            number = save(record);
        }
        await(number);
        synchronized (this) {
            UncheckedIOException refused = refusedNew.remove(record.id());
            if (refused != null) {
                throw refused;
            }
        }
    }

    /**
     * Queues a timeline entry, written with the next batch; nobody waits for it.
     *
     * @return its number
     */
    synchronized long append(TimelineEntry entry) {
        List<TimelineEntry> entries = timeline.computeIfAbsent(entry.transferId(), id -> new ArrayList<>());
        entries.add(entry);
        if (entries.size() > TimelineEntry.MAX_KEPT) {
            // the store refuses meanwhile: keep what the store would keep
            List<TimelineEntry> kept = TimelineBound.trimmed(entries);
            entries.retainAll(kept);
        }
        return ++queued;
    }

    /** @return the timeline entries of transfer {@code id} waiting to be written, oldest first */
    synchronized List<TimelineEntry> timelineOf(long id) {
        return List.copyOf(timeline.getOrDefault(id, List.of()));
    }

    /** @return the number of the latest change queued: {@link #await} it to wait for all of them */
    synchronized long queued() {
        return queued;
    }

    /**
     * Returns once change number {@code number} and every one before it is committed, or refused by
     * the store and waiting here to be written again: writes them itself when no batch is being
     * written, else waits for that batch and writes what it did not hold.
     *
     * @throws RuntimeException what the store threw for the batch that held the change, when that
     *                          was no refusal ({@link UncheckedIOException}) but a fault
     */
    void await(long number) {
        while (true) {
            synchronized (this) {
                if (!awaitWriter(number)) {
                    for (BrokenBatch batch : broken) {
                        if (batch.held(number)) {
                            throw batch.failure();
                        }
                    }
                    return;
                }
                writing = true;
            }
            writeBatch();
        }
    }

    /** @return whether change {@code number} still waits and no batch is being written: the caller writes one */
    private boolean awaitWriter(long number) {
        boolean interrupted = false;
        try {
            while (settled < number) {
                if (!writing) {
                    return true;
                }
                try {
                    wait();
                } catch (InterruptedException later) {
                    interrupted = true; // the change is on its way: a caller that needs it stored cannot skip it
                }
            }
            return false;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Writes what waits a last time, refused changes too; logs what is lost when the store still refuses. */
    void flushAtEnd() {
        await(queued());
        synchronized (this) {
            if (pending.isEmpty() && timeline.isEmpty() || !awaitWriter(Long.MAX_VALUE)) {
                return;
            }
            writing = true;
        }
        writeBatch();
        synchronized (this) {
            if (!pending.isEmpty()) {
                ILog.of(PendingWrites.class).error(NLS.bind(StoreMessages.storeLostWrites, pending.size(), refusal));
            }
        }
    }

    /** Forgets what waits for transfer {@code id} and deletes it from the store, after any batch in flight. */
    void delete(long id) {
        synchronized (this) {
            awaitNoBatch();
            pending.remove(id);
            fresh.remove(id);
            timeline.remove(id);
            // the store serializes its calls: a batch that starts now no longer holds the transfer
        }
        store.delete(id);
    }

    /** Forgets every change that waits and every stored transfer, after any batch in flight. */
    void clear() {
        synchronized (this) {
            awaitNoBatch();
            pending.clear();
            fresh.clear();
            timeline.clear();
        }
        store.clear();
    }

    private void awaitNoBatch() {
        boolean interrupted = false;
        while (writing) {
            try {
                wait();
            } catch (InterruptedException later) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the record of transfer {@code id} waiting to be written */
    synchronized Optional<TransferRecord> get(long id) {
        return Optional.ofNullable(pending.get(id));
    }

    /** @return {@code stored}, each record replaced by the one waiting to be written for its transfer */
    synchronized List<TransferRecord> over(List<TransferRecord> stored) {
        if (pending.isEmpty()) {
            return stored;
        }
        return stored.stream().map(record -> pending.getOrDefault(record.id(), record)).toList();
    }

    /** Writes everything that waits in one transaction, then lets its waiters go on; the caller set {@link #writing}. */
    private void writeBatch() {
        List<TransferRecord> batch;
        List<TimelineEntry> entries = new ArrayList<>();
        long upTo;
        synchronized (this) {
            batch = new ArrayList<>(pending.values());
            timeline.values().forEach(entries::addAll);
            upTo = queued;
        }
        // kept as refused unless the store answers: an error thrown through here loses no change
        RuntimeException failure = new IllegalStateException("The transfer store did not answer");
        try {
            failure = write(batch, entries);
        } finally {
            synchronized (this) {
                settle(batch, failure);
                settleTimeline(entries, failure);
                if (failure != null && !(failure instanceof UncheckedIOException)) {
                    broken.addFirst(new BrokenBatch(settled, upTo, failure));
                    if (broken.size() > MAX_BROKEN_BATCHES) {
                        broken.removeLast();
                    }
                }
                settled = Math.max(settled, upTo);
                writing = false;
                notifyAll();
            }
        }
    }

    private RuntimeException write(List<TransferRecord> batch, List<TimelineEntry> entries) {
        if (batch.isEmpty() && entries.isEmpty()) {
            return null;
        }
        try {
            store.saveAll(batch, entries);
            return null;
        } catch (UncheckedIOException refused) {
            return refused;
        } catch (RuntimeException broken) {
            ILog.of(PendingWrites.class).error("The transfer store failed to write " + batch.size() + " changes",
                    broken);
            return broken;
        }
    }

    /** Drops what the store took (unless changed again meanwhile); a refused new transfer is not added. */
    private void settle(List<TransferRecord> batch, RuntimeException failure) {
        if (failure == null) {
            for (TransferRecord written : batch) {
                pending.remove(written.id(), written);
                fresh.remove(written.id());
            }
            if (refusal != null) {
                refusal = null;
                ILog.of(PendingWrites.class).info(StoreMessages.storeTakesWritesAgain);
            }
            return;
        }
        UncheckedIOException refused = failure instanceof UncheckedIOException io ? io
                : new UncheckedIOException(new IOException(failure.getMessage(), failure));
        for (TransferRecord written : batch) {
            if (fresh.remove(written.id())) {
                pending.remove(written.id());
                refusedNew.put(written.id(), refused);
            }
        }
        if (refusal == null) {
            refusal = refused.getCause().getMessage();
            ILog.of(PendingWrites.class).warn(NLS.bind(StoreMessages.storeRefuses, refusal));
        }
    }

    /**
     * Drops the entries the store took; after a failure they wait for the next batch, except those of
     * a new transfer the store refused, which is not added.
     */
    private void settleTimeline(List<TimelineEntry> entries, RuntimeException failure) {
        if (entries.isEmpty()) {
            return;
        }
        Set<TimelineEntry> written = Collections.newSetFromMap(new IdentityHashMap<>());
        if (failure == null) {
            written.addAll(entries);
        }
        timeline.values().removeIf(waiting -> {
            waiting.removeIf(written::contains);
            return waiting.isEmpty();
        });
        timeline.keySet().removeIf(refusedNew::containsKey);
    }

    /** The changes after {@code settledBefore} up to {@code upTo}, whose batch failed with {@code failure}. */
    private record BrokenBatch(long settledBefore, long upTo, RuntimeException failure) {
        boolean held(long number) {
            return number > settledBefore && number <= upTo;
        }
    }
}
