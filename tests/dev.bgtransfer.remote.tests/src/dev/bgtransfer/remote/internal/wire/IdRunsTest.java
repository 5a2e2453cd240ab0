package dev.bgtransfer.remote.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** Ids cross the wire as runs of consecutive ids, and come out as they went in. */
class IdRunsTest {

    @Test
    void idsWithGapsComeOutAsTheyWentIn() {
        for (long[] ids : new long[][] { {}, { 7 }, { 1, 2, 3, 4, 5 }, { 1, 2, 3, 7, 8, 10 }, { 3, 1, 2 },
                { Long.MAX_VALUE - 1, Long.MAX_VALUE } }) {
            assertArrayEquals(ids, IdRuns.fromJson((List<?>) Json.parse(Json.write(IdRuns.toJson(ids)))));
        }
    }

    @Test
    void aMillionIdsWithAGapEveryThousandAreAThousandRuns() {
        long[] ids = LongStream.rangeClosed(1, 1_000_000).filter(id -> id % 1_000 != 0).toArray();
        List<Object> runs = IdRuns.toJson(ids);
        assertEquals(2 * 1_000, runs.size());
        assertEquals(List.of(1L, 999L, 1_001L, 999L), runs.subList(0, 4));
        assertArrayEquals(ids, IdRuns.fromJson(runs));
    }

    @Test
    void runsThatAreNoRunsAreRefusedWithASentence() {
        for (List<Object> malformed : List.<List<Object>>of(List.of(1L), List.of(1L, 0L), List.of(1L, -3L),
                List.of(1L, (long) Integer.MAX_VALUE), List.of(Long.MAX_VALUE, 2L), List.of(1L, "2"))) {
            WireException refused = assertThrows(WireException.class, () -> IdRuns.fromJson(malformed));
            assertTrue(refused.getMessage().startsWith("the field \"ids\" "), refused.getMessage());
        }
    }
}
