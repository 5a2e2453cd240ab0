package dev.bgtransfer.core.internal.download;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.internal.http.TransferException;

/**
 * When to try a transient failure again: exponential backoff from the first delay, capped, with
 * jitter so that many transfers to one host do not come back at the same instant; a server's
 * Retry-After wins, within the same cap.
 */
final class RetryPolicy {
    private static final double JITTER = 0.2;

    private final TransferOptions options;

    RetryPolicy(TransferOptions options) {
        this.options = options;
    }

    /** @return whether the {@code retry}-th retry (counting from 1) is within the budget */
    boolean allows(TransferException failure, int retry) {
        return failure.isTransient() && retry <= options.maxRetries();
    }

    /** @return the wait before the {@code retry}-th retry (counting from 1) */
    Duration delay(TransferException failure, int retry) {
        Duration cap = TransferOptions.MAX_RETRY_DELAY;
        Optional<Duration> asked = failure.retryAfter();
        if (asked.isPresent()) {
            return min(asked.get(), cap);
        }
        Duration exponential = options.firstRetryDelay().multipliedBy(1L << Math.min(retry - 1, 20));
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-JITTER, JITTER);
        return min(Duration.ofNanos((long) (min(exponential, cap).toNanos() * factor)), cap);
    }

    /** @return how long a transfer may wait for room on a full disk; empty: until there is room */
    Optional<Duration> maxSpaceWait() {
        return options.maxSpaceWait();
    }

    /**
     * @param fruitless how many waits in a row ended in another full disk without a byte more on it
     * @return how long to wait before looking for room: a poll, doubled for each fruitless wait, capped
     */
    static Duration spaceSettle(int fruitless) {
        return min(SpaceWait.POLL.multipliedBy(1L << Math.min(fruitless, 20)), TransferOptions.MAX_RETRY_DELAY);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
