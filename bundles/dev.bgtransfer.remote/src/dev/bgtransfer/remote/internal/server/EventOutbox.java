package dev.bgtransfer.remote.internal.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import dev.bgtransfer.core.TransferEvent;

/**
 * The events waiting for one client, bounded, so that a client that reads slowly never holds up the
 * service's event thread. {@link TransferEvent.Progress} is coalesced: at most one per transfer per
 * {@code progressInterval} enters the queue, and while one waits there a newer one takes its place
 * (latest wins, where the first stood). Any other event of a transfer drops the Progress held back
 * for it: what comes next carries newer bytes, and a Progress never follows the change it predates.
 * So each transfer's story stays the one the service told, with fewer Progress in it.
 * <p>
 * When the queue is full, the Progress in it are dropped; if it is still full, {@link #offer} says
 * so and the client must be let go.
 */
final class EventOutbox {
    /** An event in the queue; a Progress in it may still be replaced by a newer one. */
    private static final class Slot {
        TransferEvent event;

        Slot(TransferEvent event) {
            this.event = event;
        }
    }

    private final int capacity;
    private final long progressInterval;
    private final LongSupplier nanoClock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Slot> queue = new ArrayDeque<>();
    /** Per transfer: its Progress in the queue, which a newer one replaces. */
    private final Map<Long, Slot> queuedProgress = new HashMap<>();
    /** Per transfer: its latest Progress, held back until {@code progressInterval} after the last one queued. */
    private final Map<Long, TransferEvent.Progress> heldProgress = new HashMap<>();
    /** Per transfer: when its last Progress entered the queue. */
    private final Map<Long, Long> lastQueued = new HashMap<>();
    private boolean closed;

    /**
     * @param capacity         the most events that wait; beyond it Progress are dropped, then the client
     * @param progressInterval the least time between two Progress of a transfer, in nanoseconds
     * @param nanoClock        the time, as {@link System#nanoTime()} tells it
     */
    EventOutbox(int capacity, long progressInterval, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.progressInterval = progressInterval;
        this.nanoClock = nanoClock;
    }

    /**
     * Queues {@code event} without waiting.
     *
     * @return false when the queue overflows with events that cannot be dropped: the client is too slow
     */
    boolean offer(TransferEvent event) {
        lock.lock();
        try {
            if (closed) {
                return true;
            }
            if (event instanceof TransferEvent.Progress progress) {
                offerProgress(progress);
                return true;
            }
            OptionalLong transfer = transferOf(event);
            transfer.ifPresent(this::forgetProgress);
            if (event instanceof TransferEvent.Completed || event instanceof TransferEvent.Removed) {
                transfer.ifPresent(lastQueued::remove); // no Progress of it follows
            }
            queue.addLast(new Slot(event));
            changed.signalAll();
            if (queue.size() > capacity) {
                dropQueuedProgress();
            }
            return queue.size() <= capacity;
        } finally {
            lock.unlock();
        }
    }

    private void offerProgress(TransferEvent.Progress progress) {
        long id = progress.transfer().id();
        Slot waiting = queuedProgress.get(id);
        if (waiting != null) {
            waiting.event = progress;
            return;
        }
        Long last = lastQueued.get(id);
        if (last != null && nanoClock.getAsLong() - last < progressInterval) {
            heldProgress.put(id, progress);
            changed.signalAll(); // the writer learns when to release it
            return;
        }
        queueProgress(progress);
    }

    private void queueProgress(TransferEvent.Progress progress) {
        long id = progress.transfer().id();
        Slot slot = new Slot(progress);
        heldProgress.remove(id); // older than this one
        queue.addLast(slot);
        queuedProgress.put(id, slot);
        lastQueued.put(id, nanoClock.getAsLong());
        changed.signalAll();
        if (queue.size() > capacity) {
            dropQueuedProgress();
        }
    }

    /** A change of the transfer comes: its Progress in the queue stays where it is but takes no newer one. */
    private void forgetProgress(long id) {
        queuedProgress.remove(id);
        heldProgress.remove(id);
    }

    private void dropQueuedProgress() {
        for (Iterator<Slot> slots = queue.iterator(); slots.hasNext();) {
            if (slots.next().event instanceof TransferEvent.Progress) {
                slots.remove();
            }
        }
        queuedProgress.clear();
    }

    /**
     * Waits for the next event to send: the oldest in the queue, or a held-back Progress once its time
     * has come.
     *
     * @return the event, or null once {@link #close()} was called
     */
    TransferEvent take() throws InterruptedException {
        lock.lock();
        try {
            while (!closed) {
                TransferEvent next = next();
                if (next != null) {
                    return next;
                }
                long wait = untilNextProgress();
                if (wait == Long.MAX_VALUE) {
                    changed.await();
                } else {
                    changed.awaitNanos(wait);
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** @return the next event to send if there is one now, else null */
    TransferEvent poll() {
        lock.lock();
        try {
            return closed ? null : next();
        } finally {
            lock.unlock();
        }
    }

    private TransferEvent next() {
        releaseDueProgress();
        Slot next = queue.pollFirst();
        if (next == null) {
            return null;
        }
        if (next.event instanceof TransferEvent.Progress progress) {
            queuedProgress.remove(progress.transfer().id(), next);
        }
        return next.event;
    }

    /** Queues the held-back Progress whose time has come. */
    private void releaseDueProgress() {
        long now = nanoClock.getAsLong();
        List<TransferEvent.Progress> due = new ArrayList<>();
        for (TransferEvent.Progress progress : heldProgress.values()) {
            if (dueAt(progress) - now <= 0) {
                due.add(progress);
            }
        }
        due.forEach(this::queueProgress);
    }

    /** @return the nanoseconds until the next held-back Progress is due, {@link Long#MAX_VALUE} without one */
    private long untilNextProgress() {
        long now = nanoClock.getAsLong();
        long wait = Long.MAX_VALUE;
        for (TransferEvent.Progress progress : heldProgress.values()) {
            wait = Math.min(wait, Math.max(1, dueAt(progress) - now));
        }
        return wait;
    }

    private long dueAt(TransferEvent.Progress held) {
        return lastQueued.getOrDefault(held.transfer().id(), Long.MIN_VALUE / 2) + progressInterval;
    }

    /** @return the number of events waiting */
    int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Ends {@link #take()}; what waits is dropped. */
    void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return the id of the transfer the event is about; none for a batch's */
    private static OptionalLong transferOf(TransferEvent event) {
        return switch (event) {
            case TransferEvent.Added added -> OptionalLong.of(added.transfer().id());
            case TransferEvent.StateChanged changed -> OptionalLong.of(changed.transfer().id());
            case TransferEvent.Progress progress -> OptionalLong.of(progress.transfer().id());
            case TransferEvent.Completed completed -> OptionalLong.of(completed.transfer().id());
            case TransferEvent.Failed failed -> OptionalLong.of(failed.transfer().id());
            case TransferEvent.Removed removed -> OptionalLong.of(removed.transfer().id());
            case TransferEvent.AllFinished finished -> OptionalLong.empty();
        };
    }
}
