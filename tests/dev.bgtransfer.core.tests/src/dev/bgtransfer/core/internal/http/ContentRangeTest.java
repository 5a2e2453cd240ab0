package dev.bgtransfer.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Content-Range of a 206 or a 416 (RFC 9110 §14.4). */
class ContentRangeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "bytes 0-499/1234|0|499|1234|500", "bytes 500-1233/1234|500|1233|1234|734",
            "bytes 7-7/8|7|7|8|1", "bytes 0-0/*|0|0|-1|1", "bytes 100-199/*|100|199|-1|100",
            "'  bytes   10-19/20  '|10|19|20|10", "'\tbytes 1-2/3\t'|1|2|3|2",
            "bytes 0-999999999999999998/999999999999999999|0|999999999999999998|999999999999999999|999999999999999999" })
    void satisfied(String header, long first, long last, long complete, long length) {
        ContentRange range = ContentRange.parse(header);
        assertEquals(new ContentRange(first, last, complete), range);
        assertEquals(length, range.length());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "bytes */1234|1234", "bytes */0|0", "' bytes */5 '|5" })
    void unsatisfied(String header, long complete) {
        assertEquals(new ContentRange(-1, -1, complete), ContentRange.parse(header));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "bytes", "bytes 5-4/10", "bytes 0-10/10", "bytes 0-11/10", "bytes 10-10/10",
            "bytes */*", "bytes -1-5/10", "bytes 0-5/-1", "bytes 0-/10", "bytes -5/10", "bytes 0-5", "items 0-5/10",
            "bytes=0-5/10", "bytes 0-5/10, bytes 6-9/10", "bytes 0 - 5/10", "bytes 0x1-5/10",
            "bytes 0-9223372036854775807/*", "bytes 0-1/9223372036854775807", "bytes */9223372036854775807",
            "bytes 0-1/99999999999999999999", "bytes \u0661-\u0662/\u0663" })
    void malformedOrInconsistentIsNull(String header) {
        assertNull(ContentRange.parse(header));
    }
}
