package dev.bgtransfer.samples.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Range header as asked, then as it meets an entity of 1000 bytes. */
class RangeSpecTest {
    private static final long SIZE = 1000;

    @ParameterizedTest(name = "{0} selects {1}-{2}")
    @CsvSource(delimiter = '|', value = {
            "bytes=0-           | 0   | 999",
            "bytes=100-         | 100 | 999",
            "bytes=100-199      | 100 | 199",
            "bytes=999-999      | 999 | 999",
            "bytes=900-5000     | 900 | 999",
            "bytes=-100         | 900 | 999",
            "bytes=-1           | 999 | 999",
            "bytes=-5000        | 0   | 999",
            "BYTES=5-9          | 5   | 9",
            "'  bytes= 5 - 9 '  | 5   | 9",
    })
    void oneRangeSelectsItsBytesClampedToTheEnd(String header, long start, long end) {
        RangeSpec range = RangeSpec.parse(header);
        assertTrue(range.satisfiable(SIZE), header);
        assertEquals(start, range.start(SIZE), header);
        assertEquals(end, range.end(SIZE), header);
    }

    @Test
    void aSuffixIsKeptApartFromPositions() {
        assertEquals(new RangeSpec(-1, -1, 100), RangeSpec.parse("bytes=-100"));
        assertEquals(new RangeSpec(100, -1, -1), RangeSpec.parse("bytes=100-"));
        assertEquals(new RangeSpec(100, 199, -1), RangeSpec.parse("bytes=100-199"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "bytes=", "bytes=-", "bytes=5", "bytes 5-9", "items=5-9", "bytes=a-9", "bytes=5-b",
            "bytes=+5-9", "bytes=5--9", "bytes=1-2-3", "bytes=9-5", "bytes=0x10-", "bytes=99999999999999999999-",
            "bytes=-99999999999999999999", "bytes=0-1,5-9", "bytes=0-1, 5-9", "bytes=-5,0-1" })
    void malformedOtherUnitsAndSeveralRangesAreNoRangeAtAll(String header) {
        assertNull(RangeSpec.parse(header), header);
    }

    @Test
    void noHeaderIsNoRange() {
        assertNull(RangeSpec.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = { "bytes=1000-", "bytes=1000-2000", "bytes=-0", "bytes=9223372036854775807-" })
    void wellFormedButPastTheEndIsUnsatisfiable(String header) {
        RangeSpec range = RangeSpec.parse(header);
        assertFalse(range.satisfiable(SIZE), header);
    }

    @Test
    void nothingOfAnEmptyEntityIsSatisfiable() {
        assertFalse(RangeSpec.parse("bytes=0-").satisfiable(0));
        assertFalse(RangeSpec.parse("bytes=-10").satisfiable(0));
    }
}
