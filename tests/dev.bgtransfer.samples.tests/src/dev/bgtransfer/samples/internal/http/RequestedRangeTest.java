package dev.bgtransfer.samples.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a GET of a 1000-byte entity answers to its Range and If-Range headers. */
class RequestedRangeTest {
    private static final String ETAG = "\"00000000000000ff-3e8\"";
    private static final String LAST_MODIFIED = "Thu, 01 Jan 2026 00:00:00 GMT";
    private static final long SIZE = 1000;

    @Test
    void noRangeIsTheWholeEntity() {
        RequestedRange whole = of(null, null);
        assertEquals(new RequestedRange(200, 0, 999, SIZE), whole);
        assertEquals(SIZE, whole.length());
        assertNull(whole.contentRange());
    }

    @Test
    void oneRangeIs206WithItsContentRange() {
        RequestedRange part = of("bytes=100-199", null);
        assertEquals(206, part.status());
        assertEquals(100, part.length());
        assertEquals("bytes 100-199/1000", part.contentRange());
        assertEquals("bytes 900-999/1000", of("bytes=-100", null).contentRange());
    }

    @Test
    void aRangeStartingPastTheEndIs416WithTheSize() {
        RequestedRange none = of("bytes=1000-", null);
        assertEquals(416, none.status());
        assertFalse(none.satisfiable());
        assertEquals("bytes */1000", none.contentRange());
        assertEquals(416, of("bytes=-0", null).status());
    }

    @Test
    void aMalformedOrMultipleRangeIsTheWholeEntity() {
        assertEquals(200, of("bytes=0-1,5-9", null).status());
        assertEquals(200, of("bytes=9-5", null).status());
        assertEquals(200, of("lines=1-2", null).status());
    }

    @Test
    void ifRangeWithTheStrongEtagKeepsTheRange() {
        assertEquals(206, of("bytes=500-", ETAG).status());
        assertEquals(206, of("bytes=500-", " " + ETAG + " ").status());
    }

    @Test
    void ifRangeWithAnotherEtagSendsEverything() {
        assertEquals(200, of("bytes=500-", "\"00000000000000fe-3e8\"").status());
        assertEquals(200, of("bytes=500-", "\"\"").status());
    }

    @Test
    void ifRangeWithAWeakEtagNeverMatchesEvenTheSameTag() {
        assertEquals(200, of("bytes=500-", "W/" + ETAG).status());
        assertFalse(RequestedRange.ifRangeHolds("W/" + ETAG, "W/" + ETAG, LAST_MODIFIED));
    }

    @Test
    void ifRangeWithTheExactLastModifiedDateKeepsTheRange() {
        assertEquals(206, of("bytes=500-", LAST_MODIFIED).status());
    }

    @Test
    void ifRangeWithAnyOtherDateSendsEverything() {
        assertEquals(200, of("bytes=500-", "Wed, 31 Dec 2025 23:59:59 GMT").status());
        assertEquals(200, of("bytes=500-", "Fri, 02 Jan 2026 00:00:00 GMT").status());
        assertEquals(200, of("bytes=500-", "Thursday, 01-Jan-26 00:00:00 GMT").status());
    }

    @Test
    void ifRangeThatDoesNotHoldAlsoSkipsThe416() {
        assertEquals(200, of("bytes=5000-", "\"another\"").status());
    }

    @Test
    void withoutIfRangeARangeAlwaysApplies() {
        assertTrue(RequestedRange.ifRangeHolds(null, ETAG, LAST_MODIFIED));
    }

    private static RequestedRange of(String range, String ifRange) {
        return RequestedRange.of(range, ifRange, ETAG, LAST_MODIFIED, SIZE);
    }
}
