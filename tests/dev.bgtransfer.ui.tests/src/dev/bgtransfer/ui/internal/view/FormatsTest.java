package dev.bgtransfer.ui.internal.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sizes, rates and times left as the view shows them. */
class FormatsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "-5|0 bytes", "0|0 bytes", "999|999 bytes", "1000|1.0 KB", "1049|1.0 KB",
            "1050|1.1 KB", "999949|999.9 KB", "999950|1.0 MB", "2000000|2.0 MB", "4200000000|4.2 GB",
            "5000000000000|5.0 TB", "2000000000000000|2,000.0 TB" })
    void sizesAreDecimalWithOneDigitAboveBytesUpToTerabytes(long bytes, String expected) {
        assertEquals(expected, Formats.bytes(bytes));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "0|0 bytes/s", "999.6|1.0 KB/s", "1100000.4|1.1 MB/s" })
    void ratesAreSizesPerSecond(double bytesPerSecond, String expected) {
        assertEquals(expected, Formats.rate(bytesPerSecond));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "-3|0 s", "0|0 s", "59|59 s", "60|1 min 0 s", "125|2 min 5 s",
            "3599|59 min 59 s", "3600|1 h 0 min", "4859|1 h 20 min", "90000|25 h 0 min" })
    void timesLeftAreShortAndNeverNegative(long seconds, String expected) {
        assertEquals(expected, Formats.duration(Duration.ofSeconds(seconds)));
    }
}
