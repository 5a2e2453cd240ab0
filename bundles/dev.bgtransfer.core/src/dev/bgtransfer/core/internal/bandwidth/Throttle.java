package dev.bgtransfer.core.internal.bandwidth;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import dev.bgtransfer.core.internal.http.ConnectionAbort;

/**
 * The limits one transfer's connections are held to: its own, its session's, its host's and the
 * overall one, each a {@link RateBucket} shared with the other transfers it applies to. A connection
 * reads (or writes) at most {@link #stepSize(int)} bytes at once, then {@link #pay(int, ConnectionAbort)}s
 * for them, which waits as long as the tightest limit needs. Waits sleep (no polling), wake at once
 * when the connection is aborted (pause, stop, cancel: the next read then fails on the closed
 * socket), and end early when a limit changes, so a new limit holds within a quarter of a second.
 */
public final class Throttle {
    /** No limit at all: never waits. */
    public static final Throttle NONE = new Throttle(List.of(), () -> {
        // nothing to look at
    });

    /**
     * A step of a twentieth of a second of the tightest limit is small enough for limits to be shared
     * evenly, and a read of no more than that does not look like a fast reader to the system, which would
     * grow the connection's receive buffer for it (and let the server send that much ahead).
     */
    private static final int STEPS_PER_SECOND = 20;
    /** The longest single sleep: a changed limit is noticed within it. */
    private static final long LONGEST_SLEEP_NANOS = 250_000_000L;
    /** The span after a wait in which a transfer counts as held back by a limit. */
    private static final long HELD_BACK_SPAN_NANOS = 1_000_000_000L;

    private final List<RateBucket> buckets;
    private final Runnable beforePaying;
    private final AtomicLong heldBackNanos = new AtomicLong();
    private volatile long lastWaitEnd = Long.MIN_VALUE;

    /**
     * @param buckets      the limits, the transfer's own first
     * @param beforePaying brings the limits up to date (the time of day's) before each payment
     */
    Throttle(List<RateBucket> buckets, Runnable beforePaying) {
        this.buckets = List.copyOf(buckets);
        this.beforePaying = beforePaying;
    }

    /** @return how many bytes a connection reads or writes at once, at most {@code buffer} */
    public int stepSize(int buffer) {
        long tightest = Long.MAX_VALUE;
        for (RateBucket bucket : buckets) {
            long rate = bucket.bytesPerSecond();
            if (rate > 0) {
                tightest = Math.min(tightest, rate);
            }
        }
        return tightest == Long.MAX_VALUE ? buffer
                : (int) Math.clamp(tightest / STEPS_PER_SECOND, 1, buffer);
    }

    /**
     * Pays for {@code bytes} that passed, waiting until every limit lets them through; returns at once
     * when {@code abort} is (or gets) aborted.
     */
    public void pay(int bytes, ConnectionAbort abort) {
        if (buckets.isEmpty() || bytes <= 0) {
            return;
        }
        beforePaying.run();
        for (RateBucket bucket : buckets) {
            int generation = bucket.generation();
            long until = bucket.pay(bytes, System.nanoTime());
            if (until - System.nanoTime() > 0 && !await(until, bucket, generation, abort)) {
                return;
            }
        }
    }

    /** @return whether the wait ended because it was over, not because of an abort */
    private boolean await(long until, RateBucket bucket, int generation, ConnectionAbort abort) {
        Thread waiter = Thread.currentThread();
        Runnable wake = () -> LockSupport.unpark(waiter);
        long began = System.nanoTime();
        abort.whenAborted(wake);
        try {
            long left;
            while ((left = until - System.nanoTime()) > 0 && bucket.generation() == generation) {
                if (abort.isAborted() || waiter.isInterrupted()) {
                    return false;
                }
                LockSupport.parkNanos(this, Math.min(left, LONGEST_SLEEP_NANOS));
            }
            return !abort.isAborted();
        } finally {
            abort.forget(wake);
            long end = System.nanoTime();
            heldBackNanos.addAndGet(end - began);
            lastWaitEnd = end;
        }
    }

    /** @return how long this transfer's connections have waited for a limit altogether, in nanoseconds */
    public long heldBackNanos() {
        return heldBackNanos.get();
    }

    /**
     * @return whether a limit made a connection wait within the last second: the limit, not the server
     *         or the link, decides the speed, so more connections would not make it faster
     */
    public boolean heldBackRecently() {
        long last = lastWaitEnd;
        return last != Long.MIN_VALUE && System.nanoTime() - last < HELD_BACK_SPAN_NANOS;
    }
}
