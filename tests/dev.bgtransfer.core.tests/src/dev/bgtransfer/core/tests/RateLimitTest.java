package dev.bgtransfer.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.RateSchedule;

/** Rates in curl's syntax, and schedules whose windows may cross midnight. */
class RateLimitTest {

    @ParameterizedTest
    @CsvSource({ "0, 0", "1000, 1000", "200k, 204800", "200K, 204800", "3m, 3145728", "1G, 1073741824",
            "1.5m, 1572864", "64KiB, 65536", " 10k , 10240" })
    void readsCurlsSyntax(String text, long bytesPerSecond) {
        assertEquals(bytesPerSecond, RateLimit.parse(text).bytesPerSecond());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "fast", "-5", "10x", "1e6", "0.0001", "99999999999g" })
    void refusesWhatIsNoRateWithASentenceNamingIt(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RateLimit.parse(text));
        assertTrue(refused.getMessage().contains("\"" + text + "\" is no rate"), refused.getMessage());
    }

    @Test
    void writesBackWhatItReads() {
        for (String text : new String[] { "0", "1000", "200k", "3m", "1g", "1025" }) {
            assertEquals(text, RateLimit.parse(text).toCurlSyntax());
        }
        assertFalse(RateLimit.UNLIMITED.isLimited());
        assertEquals("unlimited", RateLimit.UNLIMITED.describe());
        assertEquals("1.0 MB/s", RateLimit.of(1_000_000).describe());
    }

    @Test
    void aWindowAcrossMidnightHoldsOnBothSidesOfIt() {
        RateSchedule nights = RateSchedule.of(RateLimit.of(1_000_000)).withWindow(LocalTime.of(22, 0),
                LocalTime.of(6, 0), RateLimit.UNLIMITED);

        assertEquals(RateLimit.of(1_000_000), nights.limitAt(LocalTime.of(21, 59)));
        assertEquals(RateLimit.UNLIMITED, nights.limitAt(LocalTime.of(22, 0)));
        assertEquals(RateLimit.UNLIMITED, nights.limitAt(LocalTime.of(0, 0)));
        assertEquals(RateLimit.UNLIMITED, nights.limitAt(LocalTime.of(5, 59)));
        assertEquals(RateLimit.of(1_000_000), nights.limitAt(LocalTime.of(6, 0)));
        assertEquals(RateLimit.of(1_000_000), nights.limitAt(LocalTime.of(12, 0)));
    }

    @Test
    void theFirstWindowThatHoldsATimeDecides() {
        RateSchedule schedule = RateSchedule.parse("2m 09:00-17:00=100k 12:00-13:00=0");

        assertEquals(RateLimit.of(100 * 1024), schedule.limitAt(LocalTime.of(12, 30)));
        assertEquals(RateLimit.of(2 * 1024 * 1024), schedule.limitAt(LocalTime.of(18, 0)));
        assertEquals("2m 09:00-17:00=100k 12:00-13:00=0", schedule.toText());
        assertEquals(RateSchedule.UNLIMITED, RateSchedule.parse(" "));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1m 22:00", "1m 25:00-06:00=0", "1m 22:00-22:00=0", "1m 22:00-06:00=fast" })
    void refusesWhatIsNoScheduleWithASentence(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RateSchedule.parse(text));
        assertFalse(refused.getMessage().isBlank());
    }
}
