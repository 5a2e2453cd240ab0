package dev.bgtransfer.core.internal.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.TimelineEntry.Kind;

/** The recorder's own rules: numbering, checkpoints coalesced, nothing after its transfer is gone, URLs bare. */
class TimelineRecorderTest {
    private final List<TimelineEntry> appended = new ArrayList<>();

    @Test
    void aRunOfCheckpointsBecomesOneEntryHandedOverBeforeTheNextOfAnotherKind() {
        Timeline timeline = new Timeline(5, 41, appended::add);

        for (long bytes = 1; bytes <= 100; bytes++) {
            timeline.checkpoint(bytes * 8_388_608, 1L << 30, 0);
        }
        assertEquals(1, appended.size(), "the first goes out at once, the rest are held back");
        assertEquals(Map.of("bytes", "8388608", "total", "1073741824", "checkpoints", "1"), appended.get(0).facts());
        assertEquals(Kind.CHECKPOINT, timeline.heldBack().orElseThrow().kind(), "a reader sees the latest held back");

        timeline.record(Kind.STATE, "from", "running", "to", "paused", "reason", null);

        assertEquals(List.of(42L, 43L, 44L), appended.stream().map(TimelineEntry::sequence).toList());
        assertEquals(Map.of("bytes", "838860800", "total", "1073741824", "checkpoints", "99"), appended.get(1).facts());
        assertEquals(Map.of("from", "running", "to", "paused"), appended.get(2).facts(), "a fact without value left out");
        assertTrue(timeline.heldBack().isEmpty());
        assertTrue(appended.stream().allMatch(entry -> entry.transferId() == 5));
    }

    @Test
    void aClosedTimelineRecordsNothing() {
        Timeline timeline = new Timeline(6, 0, appended::add);
        timeline.close();

        timeline.record(Kind.REQUEST, "method", "GET");
        timeline.checkpoint(1, 2, 0);

        assertEquals(List.of(), appended);
    }

    @Test
    void aUrlLosesItsUserInformationOnly() {
        assertEquals("https://example.org:8443/a%20b/c?x=1&y=%2F",
                Timeline.url(URI.create("https://alice:s3cret@example.org:8443/a%20b/c?x=1&y=%2F")));
        assertEquals("http://[::1]/file", Timeline.url(URI.create("http://user@[::1]/file")));
        assertEquals("http://example.org/plain", Timeline.url(URI.create("http://example.org/plain")));
    }

    @Test
    void theBoundKeepsTheFirstTenAndTheLatest() {
        List<TimelineEntry> many = new ArrayList<>();
        Timeline timeline = new Timeline(7, 0, many::add);
        for (int i = 0; i < 450; i++) {
            timeline.record(Kind.STATE, "i", Integer.toString(i));
        }

        List<TimelineEntry> kept = TimelineBound.trimmed(many);

        assertEquals(TimelineEntry.MAX_KEPT, kept.size());
        assertEquals(10, kept.get(9).sequence());
        assertEquals(450 - 189, kept.get(10).sequence());
        assertEquals(450, kept.getLast().sequence());
        assertEquals(many.subList(0, 200), TimelineBound.trimmed(many.subList(0, 200)), "200 are kept as they are");
    }
}
