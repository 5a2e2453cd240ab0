package dev.bgtransfer.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.JDBC;

import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.spi.TransferRecord;

/** What opening a store with a long history reads: not every row, where that can be avoided. */
class LargeStoreStartTest {
    @TempDir
    Path dir;

    private Path database() {
        return dir.resolve("transfers.db");
    }

    @Test
    void theUnfinishedAreFoundThroughTheirOwnIndexNotByReadingTheHistory() throws Exception {
        Instant now = Instant.now();
        try (SqliteTransferStore store = SqliteTransferStore.open(database())) {
            for (int i = 0; i < 50; i++) {
                TransferRecord record = record(store.nextId(), now);
                store.save(i % 10 == 3 ? record.withState(TransferState.RUNNING, null, now)
                        : record.completed(Path.of("/tmp/downloads/" + record.id()), 1, HexFormat.of()
                                .formatHex(new byte[32]), now));
            }
            assertEquals(List.of(4L, 14L, 24L, 34L, 44L),
                    store.loadUnfinished().stream().map(TransferRecord::id).toList());
        }
        String plan = plan(TransferRows.SELECT_UNFINISHED);
        assertTrue(plan.contains("USING INDEX transfers_unfinished"), plan);
    }

    @Test
    void everyIdIsReadFromACoveringIndexNotFromTheRows() throws Exception {
        try (SqliteTransferStore store = SqliteTransferStore.open(database())) {
            List<Long> saved = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                TransferRecord record = record(store.nextId(), Instant.now());
                store.save(record);
                saved.add(record.id());
            }
            store.delete(saved.remove(7));
            assertEquals(saved, LongStream.of(store.ids()).boxed().toList());
        }
        String plan = plan(TransferRows.SELECT_IDS);
        assertTrue(plan.contains("USING COVERING INDEX transfers_ids"), plan);
    }

    private String plan(String query) throws Exception {
        try (Connection connection = JDBC.createConnection(JDBC.PREFIX + database(), new Properties());
                Statement sql = connection.createStatement();
                ResultSet plan = sql.executeQuery("EXPLAIN QUERY PLAN " + query)) {
            StringBuilder steps = new StringBuilder();
            while (plan.next()) {
                steps.append(plan.getString("detail")).append('\n');
            }
            return steps.toString();
        }
    }

    @Test
    void aSmallFileIsAlwaysCheckedInFull() throws Exception {
        assertTrue(DatabaseConnector.needsFullCheck(database()), "no file yet");
        Files.write(database(), new byte[4096]);
        assertTrue(DatabaseConnector.needsFullCheck(database()));
    }

    @Test
    void aLargeFileClosedCleanlyIsNotReadInFull() throws Exception {
        grow(database(), DatabaseConnector.ALWAYS_CHECKED_BYTES);
        assertFalse(DatabaseConnector.needsFullCheck(database()));
    }

    @Test
    void aLargeFileLeftWithItsWriteAheadLogIsCheckedInFull() throws Exception {
        grow(database(), DatabaseConnector.ALWAYS_CHECKED_BYTES);
        Files.write(dir.resolve("transfers.db-wal"), new byte[0]);
        assertTrue(DatabaseConnector.needsFullCheck(database()), "a crash or another process left the WAL");
    }

    @Test
    void aLargeFileLeftWithARollbackJournalIsCheckedInFull() throws Exception {
        grow(database(), DatabaseConnector.ALWAYS_CHECKED_BYTES);
        Files.write(dir.resolve("transfers.db-journal"), new byte[0]);
        assertTrue(DatabaseConnector.needsFullCheck(database()), "a file system without WAL, left mid-write");
    }

    @Test
    void aCleanCloseLeavesNoWriteAheadLogSoTheNextOpenSkipsTheFullCheck() throws Exception {
        try (SqliteTransferStore store = SqliteTransferStore.open(database())) {
            store.save(record(store.nextId(), Instant.now()));
            assertTrue(Files.exists(dir.resolve("transfers.db-wal")));
        }
        assertFalse(Files.exists(dir.resolve("transfers.db-wal")), "closing checkpoints and removes the WAL");
        assertFalse(Files.exists(dir.resolve("transfers.db-journal")));
    }

    /** A sparse file of {@code bytes}: only its size matters to the decision. */
    private static void grow(Path file, long bytes) throws Exception {
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(bytes);
        }
    }

    private static TransferRecord record(long id, Instant now) {
        return TransferRecord.create(id, TransferSession.DEFAULT_IDENTIFIER,
                URI.create("https://example.org/files/" + id + ".iso"), "title " + id, Path.of("/tmp/downloads"), null,
                now);
    }
}
