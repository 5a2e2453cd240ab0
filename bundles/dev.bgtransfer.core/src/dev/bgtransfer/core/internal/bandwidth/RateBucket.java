package dev.bgtransfer.core.internal.bandwidth;

/**
 * One limit, shared by every connection it applies to: a token bucket kept as the time at which its
 * bytes are paid for. Each connection pays for what it read (or wrote) and waits until then; payments
 * are taken in the order they come, so connections that read in small steps take turns, and transfers
 * sharing a limit share it evenly. An idle bucket holds at most {@link #BURST_NANOS} of credit.
 */
final class RateBucket {
    /** The most a bucket lets through at once after being idle: a tenth of a second's worth. */
    static final long BURST_NANOS = 100_000_000L;
    /** The longest one payment makes its connection wait, should a limit drop under a step sized for a higher one. */
    private static final long MAX_DEBT_NANOS = 1_000_000_000L;

    private long bytesPerSecond;
    /** When the bytes paid so far have been let through; never further back than the burst. */
    private long paidUntil = Long.MIN_VALUE;
    /** Changes with the limit: a connection waiting under an older limit stops waiting. */
    private int generation;

    RateBucket(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    synchronized long bytesPerSecond() {
        return bytesPerSecond;
    }

    /** Takes a new limit (0: none) at once: the debt of the old one is forgiven. */
    synchronized void setRate(long newBytesPerSecond) {
        if (newBytesPerSecond == bytesPerSecond) {
            return;
        }
        bytesPerSecond = newBytesPerSecond;
        paidUntil = Long.MIN_VALUE;
        generation++;
    }

    synchronized int generation() {
        return generation;
    }

    /**
     * Pays for {@code bytes} that passed at {@code now}.
     *
     * @return the {@link System#nanoTime()} until which the payer waits (at most a second ahead); {@code now}
     *         or earlier when it need not wait
     */
    synchronized long pay(long bytes, long now) {
        if (bytesPerSecond <= 0) {
            return now;
        }
        long cost = Math.min(MAX_DEBT_NANOS, Math.max(1, bytes * 1_000_000_000L / bytesPerSecond));
        long start = paidUntil == Long.MIN_VALUE || paidUntil - (now - BURST_NANOS) < 0 ? now - BURST_NANOS
                : paidUntil;
        paidUntil = start + cost;
        return paidUntil;
    }
}
