package dev.bgtransfer.ui.internal.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

/** The speed of a running transfer from samples of its byte count, and the time left from it. */
class SpeedMeterTest {
    private static final long SECOND = 1_000_000_000L;

    private final SpeedMeter meter = new SpeedMeter();

    @Test
    void oneSampleGivesNoSpeedTwoASecondApartGiveTheRate() {
        meter.sample(0, 1_000);
        assertEquals(OptionalDouble.empty(), meter.bytesPerSecond());
        assertEquals(Optional.empty(), meter.timeLeft(5_000));

        meter.sample(2 * SECOND, 5_000);

        assertEquals(2_000, meter.bytesPerSecond().orElseThrow(), 1e-9);
        assertEquals(Optional.of(Duration.ofSeconds(3)), meter.timeLeft(5_000), "rounded up");
    }

    @Test
    void samplesCloserThanAQuarterSecondAreSkippedNotAveraged() {
        meter.sample(0, 0);
        meter.sample(SECOND / 10, 900_000); // a burst right after the first sample
        assertTrue(meter.bytesPerSecond().isEmpty());

        meter.sample(SECOND, 1_000);

        assertEquals(1_000, meter.bytesPerSecond().orElseThrow(), 1e-9, "measured from the first sample");
    }

    @Test
    void laterRatesAreSmoothedNotTakenAsTheyCome() {
        meter.sample(0, 0);
        meter.sample(SECOND, 1_000);
        meter.sample(2 * SECOND, 11_000);

        assertEquals(1_000 + 0.3 * (10_000 - 1_000), meter.bytesPerSecond().orElseThrow(), 1e-9);
    }

    @Test
    void fewerBytesThanBeforeOrAResetStartsOver() {
        meter.sample(0, 0);
        meter.sample(SECOND, 1_000);
        meter.sample(2 * SECOND, 10); // restarted from zero (a changed file on the server)
        assertTrue(meter.bytesPerSecond().isEmpty());
        meter.sample(3 * SECOND, 510);
        assertEquals(500, meter.bytesPerSecond().orElseThrow(), 1e-9);

        meter.reset();

        assertTrue(meter.bytesPerSecond().isEmpty());
        meter.sample(4 * SECOND, 600);
        assertTrue(meter.bytesPerSecond().isEmpty(), "the first sample after a reset only starts measuring");
    }

    @Test
    void noTimeLeftWithoutSpeedOrForAnUnknownRemainder() {
        meter.sample(0, 0);
        meter.sample(SECOND, 0);
        assertEquals(Optional.empty(), meter.timeLeft(1_000), "stalled: no estimate");

        meter.sample(2 * SECOND, 1_000);
        assertEquals(Optional.empty(), meter.timeLeft(-1));
        assertEquals(Optional.of(Duration.ZERO), meter.timeLeft(0));
    }
}
