package dev.bgtransfer.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import dev.bgtransfer.core.TransferOptions;

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

    /**
     * @param header a Retry-After value: seconds or an HTTP-date, or {@code null}
     * @return the wait it asks for, never negative; empty when absent or unreadable
     */
    static Optional<Duration> parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException unreadable) {
            return Optional.empty();
        }
    }
}
