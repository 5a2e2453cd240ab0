package dev.bgtransfer.core.internal.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How long a transfer on a full disk waits before it looks for room again. */
class SpaceWaitTest {

    @ParameterizedTest
    @CsvSource({ "0,1", "1,2", "2,4", "5,32", "6,60", "20,60", "21,60", "2147483647,60" })
    void theWaitForRoomDoublesFromOnePollUpToTheCap(int fruitless, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), SpaceWait.settle(fruitless));
    }
}
