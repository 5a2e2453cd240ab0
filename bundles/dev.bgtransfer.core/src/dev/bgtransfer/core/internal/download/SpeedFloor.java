package dev.bgtransfer.core.internal.download;

import java.net.URI;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.ByteCounts;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.internal.bandwidth.Throttle;
import dev.bgtransfer.core.internal.http.TransferException;

/**
 * Drops a connection that drip-feeds: one that sends too little to stall, but stays below the
 * minimum speed over a whole window. The failure is transient, so the transfer resumes (perhaps on
 * a better connection) from its durable bytes.
 */
final class SpeedFloor {
    private final long minimum;
    private final long windowNanos;
    private final Throttle throttle;
    private long windowStart = System.nanoTime();
    private long windowHeldBack;
    private long windowBytes;

    SpeedFloor(TransferOptions options) {
        this(options, Throttle.NONE);
    }

    /**
     * @param throttle the transfer's limits: the time its connections waited for them is no time the
     *                 server was slow, so it does not count (a limit below the minimum fails nothing)
     */
    SpeedFloor(TransferOptions options, Throttle throttle) {
        this.minimum = options.minimumSpeed();
        this.windowNanos = options.speedWindow().toNanos();
        this.throttle = throttle;
        this.windowHeldBack = throttle.heldBackNanos();
    }

    /** Counts {@code bytes} more; at the end of each window, fails when the window was too slow. */
    void check(long bytes, URI url) throws TransferException {
        if (minimum <= 0) {
            return;
        }
        windowBytes += bytes;
        long elapsed = System.nanoTime() - windowStart;
        if (elapsed < windowNanos) {
            return;
        }
        long heldBack = throttle.heldBackNanos();
        // the waits of every connection of the transfer count: with several, less than the window may be left
        long unheld = elapsed - (heldBack - windowHeldBack);
        long speed = unheld <= 0 ? Long.MAX_VALUE : windowBytes * 1_000_000_000L / unheld;
        if (speed < minimum) {
            throw new TransferException(new TransferFailure(TransferFailure.Kind.NETWORK, NLS.bind(Messages.tooSlow,
                    new Object[] { url.getHost(), ByteCounts.format(speed), ByteCounts.format(minimum) })), true, null);
        }
        windowStart = System.nanoTime();
        windowHeldBack = heldBack;
        windowBytes = 0;
    }
}
