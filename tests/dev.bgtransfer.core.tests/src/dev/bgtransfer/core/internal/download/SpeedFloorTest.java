package dev.bgtransfer.core.internal.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.internal.http.TransferException;

/**
 * The minimum speed over its window, on the real clock with a window of 100 ms: each judged check
 * sleeps past the window, so a slow machine only makes a measured speed lower, and the bytes
 * counted are far from the minimum either way (1 byte against 100 KB/s, 100 MB against 1 KB/s).
 * The burst must land in the window it starts, within 100 ms of the floor's creation.
 */
class SpeedFloorTest {
    private static final Duration WINDOW = Duration.ofMillis(100);
    private static final URI URL = URI.create("http://slow.example:8080/file.iso");

    @Test
    void aWindowBelowTheMinimumFailsTransientlyWithTheSentence() throws Exception {
        SpeedFloor floor = floor(100_000);
        afterTheWindow();

        TransferException slow = assertThrows(TransferException.class, () -> floor.check(1, URL));

        assertTrue(slow.isTransient());
        TransferFailure failure = slow.failure();
        assertEquals(TransferFailure.Kind.NETWORK, failure.kind());
        assertTrue(failure.message().matches("slow\\.example sends too slowly: \\d+ B/s, below the minimum of 100 KB/s\\."),
                failure.message());
    }

    @Test
    void withinTheWindowNothingIsJudged() throws TransferException {
        SpeedFloor floor = new SpeedFloor(TransferOptions.DEFAULTS.withMinimumSpeed(Long.MAX_VALUE, Duration.ofMinutes(1)));
        for (int i = 0; i < 1_000; i++) {
            floor.check(0, URL);
        }
    }

    @Test
    void aBurstCarriesItsWindowAndTheNextWindowIsJudgedOnItsOwn() throws Exception {
        SpeedFloor floor = floor(1_000);
        floor.check(100_000_000, URL);
        afterTheWindow();
        floor.check(0, URL);

        afterTheWindow();
        assertThrows(TransferException.class, () -> floor.check(0, URL), "the burst counted for its window only");
    }

    @Test
    void noMinimumNeverFails() throws Exception {
        SpeedFloor floor = floor(0);
        afterTheWindow();
        floor.check(0, URL);
        afterTheWindow();
        floor.check(0, URL);
    }

    private static SpeedFloor floor(long minimum) {
        return new SpeedFloor(TransferOptions.DEFAULTS.withMinimumSpeed(minimum, WINDOW));
    }

    private static void afterTheWindow() throws InterruptedException {
        Thread.sleep(WINDOW.toMillis() + 10);
    }
}
