package dev.bgtransfer.core.internal.http;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TransferOptions;

/**
 * When to try a transient failure again: exponential backoff from the first delay, capped, with
 * jitter so that many transfers to one host do not come back at the same instant; a server's
 * Retry-After wins, within the same cap. Downloads and data tasks follow it alike.
 */
public final class RetryPolicy {
    private static final double JITTER = 0.2;

    private final TransferOptions options;

    public RetryPolicy(TransferOptions options) {
        this.options = options;
    }

    /** @return whether the {@code retry}-th retry (counting from 1) is within the budget */
    public boolean allows(TransferException failure, int retry) {
        return failure.isTransient() && retry <= options.maxRetries();
    }

    /** @return the wait before the {@code retry}-th retry (counting from 1) */
    public Duration delay(TransferException failure, int retry) {
        return backoff(failure, retry).delay();
    }

    /** @return the wait before the {@code retry}-th retry (counting from 1), and what it was based on */
    public Backoff backoff(TransferException failure, int retry) {
        Duration cap = TransferOptions.MAX_RETRY_DELAY;
        Optional<Duration> asked = failure.retryAfter();
        if (asked.isPresent()) {
            return new Backoff(min(asked.get(), cap), asked.get().compareTo(cap) > 0
                    ? NLS.bind(Messages.backoffRetryAfterCapped, asked.get().toSeconds(), cap.toSeconds())
                    : NLS.bind(Messages.backoffRetryAfter, asked.get().toSeconds()));
        }
        Duration exponential = options.firstRetryDelay().multipliedBy(1L << Math.min(retry - 1, 20));
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-JITTER, JITTER);
        return new Backoff(min(Duration.ofNanos((long) (min(exponential, cap).toNanos() * factor)), cap),
                NLS.bind(Messages.backoffExponential, options.firstRetryDelay().toMillis(), retry));
    }

    /** @return the most retries of one transfer */
    public int maxRetries() {
        return options.maxRetries();
    }

    /**
     * A wait before a retry.
     *
     * @param delay how long
     * @param basis why that long, a phrase for the timeline
     */
    public record Backoff(Duration delay, String basis) {
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
