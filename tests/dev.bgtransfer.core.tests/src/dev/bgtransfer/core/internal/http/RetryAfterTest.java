package dev.bgtransfer.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A server's Retry-After: seconds or an HTTP-date (RFC 9110 §10.2.3), read against a fixed now. */
class RetryAfterTest {
    /** The instant of RFC 9110's example date, "Wed, 21 Oct 2015 07:28:00 GMT", minus one minute. */
    private static final Instant NOW = Instant.parse("2015-10-21T07:27:00Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "120|120", "0|0", "' 7 '|7", "007|7",
            "9223372036854775807|9223372036854775807" })
    void secondsAreTakenAsTheyAre(String header, long seconds) {
        assertEquals(Optional.of(Duration.ofSeconds(seconds)), RetryAfter.parse(header, NOW));
    }

    @Test
    void aDateAheadIsTheTimeUntilIt() {
        assertEquals(Optional.of(Duration.ofSeconds(60)), RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Wed, 21 Oct 2015 07:26:59 GMT", "Thu, 1 Jan 1970 00:00:00 GMT" })
    void aDateInThePastIsNoWait(String header) {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse(header, NOW));
    }

    @Test
    void theVeryInstantIsNoWait() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Wed, 21 Oct 2015 07:27:00 GMT", NOW));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "   ", "soon", "-5", "1.5", "1e3", "+30", "30 s", "99999999999999999999",
            "2015-10-21T07:28:00Z", "Wed, 32 Oct 2015 07:28:00 GMT" })
    void absentOrUnreadableIsEmpty(String header) {
        assertEquals(Optional.empty(), RetryAfter.parse(header, NOW));
    }
}
