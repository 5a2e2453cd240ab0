package dev.bgtransfer.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Resumability;

/** The rules that read resumability from one answer's status and headers (RFC 9110 14.3, 13.1.5, 8.8). */
class RangeSupportTest {
    private static final String STRONG = "\"v1\"";
    private static final String DATE = "Mon, 01 Jan 2024 00:00:00 GMT";

    @Test
    void acceptRangesIsAListOfUnitsInAnyCase() {
        assertEquals(Resumability.RANGES_AND_STRONG_ETAG, RangeSupport.of(200, "none, Bytes", STRONG, null, false));
        assertEquals(Resumability.RANGES_REFUSED, RangeSupport.of(200, " NONE ", STRONG, DATE, false));
        assertEquals(Resumability.RANGES_NOT_ANNOUNCED, RangeSupport.of(200, "bytesx", STRONG, DATE, false));
    }

    @Test
    void a206ShowsRangesWhateverTheHeadersSay() {
        assertEquals(Resumability.RANGES_AND_LAST_MODIFIED, RangeSupport.of(206, null, null, DATE, true));
        assertEquals(Resumability.RANGES_AND_STRONG_ETAG, RangeSupport.of(206, "none", STRONG, DATE, true));
    }

    @Test
    void theValidatorIsAStrongEtagElseLastModifiedNeverAWeakEtag() {
        assertEquals(Resumability.RANGES_AND_LAST_MODIFIED, RangeSupport.of(200, "bytes", "W/\"v1\"", DATE, false));
        assertEquals(Resumability.WEAK_ETAG_ONLY, RangeSupport.of(200, "bytes", "W/\"v1\"", null, false));
        assertEquals(Resumability.NO_VALIDATOR, RangeSupport.of(200, "bytes", null, null, false));
        assertEquals(Resumability.NO_VALIDATOR, RangeSupport.of(200, null, null, null, false),
                "no validator is reason enough, whatever a resume would say of ranges");
    }

    @Test
    void aRangeAnsweredWithTheWholeEntityOutweighsAcceptRanges() {
        assertEquals(Resumability.NO_RANGES, RangeSupport.of(200, "bytes", STRONG, DATE, true));
        assertEquals(Resumability.NO_RANGES, RangeSupport.of(200, null, null, null, true));
    }
}
