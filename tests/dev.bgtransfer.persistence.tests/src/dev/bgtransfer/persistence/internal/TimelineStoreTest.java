package dev.bgtransfer.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.TimelineEntry.Kind;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.spi.TransferRecord;

/** Timelines in the SQLite store: written with the records, bounded, deleted with them. */
class TimelineStoreTest {

    @TempDir
    Path dir;

    private static TransferRecord record(long id) {
        return TransferRecord.create(id, TransferSession.DEFAULT_IDENTIFIER,
                URI.create("https://example.org/" + id + ".iso"), "title", Path.of("/tmp"), null, Instant.now());
    }

    private static TimelineEntry entry(long id, long sequence, Map<String, String> facts) {
        return new TimelineEntry(id, sequence, Instant.now().truncatedTo(ChronoUnit.MICROS), Kind.REQUEST, facts);
    }

    @Test
    void entriesGoWithTheRecordsInOneTransactionAndKeepTheirBound() throws Exception {
        try (SqliteTransferStore store = SqliteTransferStore.open(dir.resolve("transfers.db"))) {
            store.save(record(7));
            long before = store.transactions();
            List<TimelineEntry> entries = new ArrayList<>();
            for (long sequence = 1; sequence <= 250; sequence++) {
                entries.add(entry(7, sequence, Map.of("url", "https://example.org/" + sequence)));
            }
            store.saveAll(List.of(record(7), record(8)), entries);
            assertEquals(before + 1, store.transactions(), "one commit for the records and the timeline");

            List<TimelineEntry> kept = store.loadTimeline(7);
            assertEquals(LongStream.concat(LongStream.rangeClosed(1, 10), LongStream.rangeClosed(61, 250)).boxed()
                    .toList(), kept.stream().map(TimelineEntry::sequence).toList());
            assertEquals(entries.get(60), kept.get(10));
            assertEquals(250, store.lastTimelineSequence(7));
            assertEquals(0, store.lastTimelineSequence(8));
        }
    }

    @Test
    void factsComeBackAsTheyWereWrittenAndGoWithTheirTransfer() throws Exception {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("reason", "a tab\there, a line\nthere, a back\\slash\\t and a return\r");
        facts.put("url", "https://example.org/ü?q=1");
        TimelineEntry written = entry(9, 1, facts);
        try (SqliteTransferStore store = SqliteTransferStore.open(dir.resolve("transfers.db"))) {
            store.save(record(9));
            store.save(record(10));
            store.appendTimeline(List.of(written, entry(10, 1, Map.of())));
        }
        try (SqliteTransferStore store = SqliteTransferStore.open(dir.resolve("transfers.db"))) {
            assertEquals(List.of(written), store.loadTimeline(9));
            assertEquals(List.copyOf(facts.keySet()), List.copyOf(store.loadTimeline(9).getFirst().facts().keySet()));
            store.delete(9);
            assertTrue(store.loadTimeline(9).isEmpty());
            assertFalse(store.loadTimeline(10).isEmpty());
            store.clear();
            assertTrue(store.loadTimeline(10).isEmpty());
        }
    }
}
