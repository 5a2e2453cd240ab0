package dev.bgtransfer.core.internal.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a server's {@code Retry-After}: how long it asks a client to wait before it tries again. */
final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * @param header a Retry-After value: seconds or an HTTP-date, or {@code null}
     * @return the wait it asks for, never negative; empty when absent or unreadable
     */
    static Optional<Duration> parse(String header, Instant now) {
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
