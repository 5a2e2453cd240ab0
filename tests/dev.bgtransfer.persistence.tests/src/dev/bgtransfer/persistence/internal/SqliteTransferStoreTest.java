package dev.bgtransfer.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.JDBC;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.spi.TransferRecord;

/** The store on real SQLite files. */
class SqliteTransferStoreTest {
    /** A page of the default 4 KiB and its frame header in the write-ahead log. */
    private static final long WAL_FRAME_BYTES = 4096 + 24;

    @TempDir
    Path dir;

    private Path database() {
        return dir.resolve("transfers.db");
    }

    private static TransferRecord record(long id, Instant now) {
        return TransferRecord.create(id, TransferSession.DEFAULT_IDENTIFIER, URI.create("https://example.org/files/" + id + ".iso"), "title " + id,
                Path.of("/tmp/downloads"), null, now);
    }

    /** SQLite appends every page a commit changed to the write-ahead log: one transaction, each page once. */
    @Test
    void saveAllCommitsItsRecordsInOneTransaction() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Path log = dir.resolve("transfers.db-wal");
        try (SqliteTransferStore store = SqliteTransferStore.open(database())) {
            List<TransferRecord> batch = new ArrayList<>();
            for (long id = 1; id <= 200; id++) {
                batch.add(record(id, now).withState(TransferState.QUEUED, null, now));
            }
            long logBefore = Files.size(log);
            long transactionsBefore = store.transactions();
            store.saveAll(batch);
            long pagesLogged = (Files.size(log) - logBefore) / WAL_FRAME_BYTES;
            assertEquals(transactionsBefore + 1, store.transactions());
            // one commit per record would log at least a page per record
            assertTrue(pagesLogged < 50, "200 records logged " + pagesLogged + " pages");
        }
        try (SqliteTransferStore reopened = SqliteTransferStore.open(database())) {
            List<TransferRecord> stored = reopened.loadAll();
            assertEquals(200, stored.size());
            stored.forEach(record -> assertEquals(TransferState.QUEUED, record.state()));
        }
    }

    /** A batch that fails part-way leaves none of its records: the ones before the failure are rolled back. */
    @Test
    void aSaveAllThatFailsStoresNoneOfItsRecords() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (SqliteTransferStore store = SqliteTransferStore.open(database())) {
            store.save(record(1, now));
            try (Connection other = JDBC.createConnection(JDBC.PREFIX + database(), new Properties());
                    Statement statement = other.createStatement()) {
                // the hundredth row of the batch breaks a rule of the table
                statement.executeUpdate("CREATE TRIGGER refuse_100 BEFORE INSERT ON transfers WHEN NEW.id = 100"
                        + " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
            }
            List<TransferRecord> batch = new ArrayList<>();
            batch.add(record(1, now).withState(TransferState.QUEUED, null, now));
            for (long id = 2; id <= 150; id++) {
                batch.add(record(id, now));
            }
            assertThrows(UncheckedIOException.class, () -> store.saveAll(batch));

            assertEquals(List.of(1L), store.loadAll().stream().map(TransferRecord::id).toList());
            assertEquals(TransferState.CANCELLED, store.load(1).orElseThrow().state(), "the change of a known one too");
            // and the store goes on
            store.saveAll(List.of(record(151, now), record(152, now)));
            assertEquals(List.of(1L, 151L, 152L), store.loadAll().stream().map(TransferRecord::id).toList());
        }
    }

    @Test
    void everyFieldSurvivesAReopen() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TransferRecord full = new TransferRecord(7, URI.create("https://example.org/a%20b.bin?x=1"), "Title",
                Path.of("/data/dl"), "a b.bin", Path.of("/data/dl/a b.bin.part"), Path.of("/data/dl/a b.bin"),
                TransferState.FAILED, 1234, 5678, "\"etag-1\"", "Wed, 01 Jan 2025 00:00:00 GMT", "ab".repeat(32),
                "cd".repeat(32), new TransferFailure(TransferFailure.Kind.HTTP_STATUS, "The server answered 404."),
                now.minusSeconds(60), now, now, URI.create("https://mirror.example.org/a%20b.bin"), "a plug-in's session", null);
        TransferRecord sparse = record(8, now);
        TransferRecord upload = TransferRecord.createUpload(9, "uploads", Path.of("/data/up/report.pdf"),
                URI.create("https://example.org/files"), "POST", true, "", 4096, now)
                .withUpload(new TransferRecord.Upload("POST", true, URI.create("https://example.org/files/resource-1"),
                        4096, Instant.parse("2026-12-04T10:15:30.123456789Z"), "ef".repeat(32)), 2048, now);
        TransferRecord plainUpload = TransferRecord.createUpload(10, "uploads", Path.of("/data/up/a.bin"),
                URI.create("https://example.org/a.bin"), "PUT", false, "A", -1, now);
        TransferRecord sliced = record(11, now).withProgress(0, 400, now).withSlices(List.of(
                new TransferRecord.Slice(0, 100, 40), new TransferRecord.Slice(100, 300, 0),
                new TransferRecord.Slice(300, 400, 100)), now);
        TransferRecord hashed = record(12, now).withProgress(300, 9000, now).withChunks(List.of(
                new TransferRecord.ChunkHash(0, 128, "0f".repeat(16)), new TransferRecord.ChunkHash(0, 256, "a1".repeat(16)),
                new TransferRecord.ChunkHash(4000, 4096, "7e".repeat(16))));
        TransferRecord mirrored = record(13, now).withMirrors(List.of(URI.create("https://mirror-1.example.net/a.bin"),
                URI.create("http://mirror-2.example.com/pub/a%20b.bin?x=1&y=2")));
        try (SqliteTransferStore store = SqliteTransferStore.open(database())) {
            store.save(full);
            store.save(sparse);
            store.save(upload);
            store.save(plainUpload);
            store.save(sliced);
            store.save(hashed);
            store.save(mirrored);
        }

        try (SqliteTransferStore store = SqliteTransferStore.open(database())) {
            assertEquals(List.of(full, sparse, upload, plainUpload, sliced, hashed, mirrored), store.loadAll());
            assertEquals(2, store.loadAll().getLast().mirrors().size(), "the mirrors, in order");
            assertEquals(140, store.loadAll().get(4).bytes(), "the sum of the slices' durable bytes");
            assertEquals(3, store.loadAll().get(5).chunks().size(), "the chunk hashes, in order");
            assertTrue(store.movedAside().isEmpty());
        }
    }

    @Test
    void sessionConfigurationsSurviveAReopenAndGoWhenDeleted() throws Exception {
        SessionConfiguration full = new SessionConfiguration(SessionKind.BACKGROUND,
                new TransferOptions(2, Duration.ofMillis(1500), Duration.ofSeconds(7), 3, 9, Duration.ofMillis(250),
                        64_000, Duration.ofSeconds(12), Optional.of(Duration.ofMinutes(5))),
                false, Optional.of(Path.of("/data/in box")));
        SessionConfiguration sparse = SessionConfiguration.of(SessionKind.DEFAULT);
        try (SqliteTransferStore store = SqliteTransferStore.open(database())) {
            store.saveSession("org.example.updater", sparse);
            store.saveSession("org.example.updater", full);
            store.saveSession("org.example.other", sparse);
            store.saveSession("org.example.gone", sparse);
            store.deleteSession("org.example.gone");
        }

        try (SqliteTransferStore store = SqliteTransferStore.open(database())) {
            assertEquals(Map.of("org.example.updater", full, "org.example.other", sparse), store.loadSessions());
        }
    }

    @Test
    void completedRecordsAreReadOnlyWhenAskedForOneOrAPage() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<TransferRecord> saved = new ArrayList<>();
        try (SqliteTransferStore store = SqliteTransferStore.open(database())) {
            for (int i = 0; i < 10; i++) {
                TransferRecord record = record(store.nextId(), now);
                if (i % 3 != 0) {
                    Path file = Path.of("/tmp/downloads/" + record.id() + ".iso");
                    record = record.completed(file, 10 + i, "ab".repeat(32), now);
                }
                store.save(record);
                saved.add(record);
            }
            store.delete(saved.get(4).id());
            saved.remove(4);

            assertArrayEquals(saved.stream().mapToLong(TransferRecord::id).toArray(), store.ids());
            assertEquals(saved.stream().filter(record -> record.state() != TransferState.COMPLETED).toList(),
                    store.loadUnfinished());
            assertEquals(saved.get(5), store.load(saved.get(5).id()).orElseThrow());
            assertTrue(store.load(saved.getLast().id() + 1).isEmpty());
            // a page starts at the id asked for, or the next one there is
            assertEquals(saved.subList(4, 7), store.loadPage(saved.get(4).id() - 1, 3));
            assertEquals(saved.subList(7, 9), store.loadPage(saved.get(7).id(), 100));
            assertEquals(List.of(), store.loadPage(saved.getLast().id() + 1, 100));
        }
    }

    @Test
    void aSessionsRecordsComeAloneInIdOrderWhateverTheirState() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String mine = "org.example.mine";
        // identifiers are compared exactly: "org.example.Mine" is another session
        List<String> sessions = List.of(mine, TransferSession.DEFAULT_IDENTIFIER, "org.example.Mine");
        List<TransferRecord> saved = new ArrayList<>();
        try (SqliteTransferStore store = SqliteTransferStore.open(database())) {
            for (int i = 0; i < 12; i++) {
                long id = store.nextId();
                TransferRecord record = i % 4 == 3
                        ? TransferRecord.createUpload(id, sessions.get(i % 3), Path.of("/data/up/" + id + ".bin"),
                                URI.create("https://example.org/up"), "PUT", true, "", 10, now)
                        : TransferRecord.create(id, sessions.get(i % 3), URI.create("https://example.org/" + id), "",
                                Path.of("/tmp/downloads"), null, now);
                saved.add(i % 2 == 0 ? record.completed(Path.of("/tmp/downloads/" + id), 10, "ab".repeat(32), now)
                        : record);
            }
            // saved newest first: the order comes from the query, not from the writes
            saved.reversed().forEach(store::save);

            assertEquals(saved.stream().filter(record -> record.session().equals(mine)).toList(),
                    store.loadSession(mine));
            assertEquals(4, store.loadSession(mine).size());
            assertEquals(List.of(), store.loadSession("org.example.nobody"));

            List<TransferRecord> mineSaved = store.loadSession(mine);
            assertEquals(mineSaved.subList(0, 3), store.loadSessionPage(mine, 0, 3), "the first page");
            assertEquals(mineSaved.subList(1, 4), store.loadSessionPage(mine, mineSaved.get(1).id(), 10),
                    "from an id of the session on");
            assertEquals(mineSaved.subList(2, 4), store.loadSessionPage(mine, mineSaved.get(1).id() + 1, 10),
                    "from an id of another session on");
            assertEquals(List.of(), store.loadSessionPage(mine, mineSaved.get(3).id() + 1, 10));
            assertEquals(List.of(), store.loadSessionPage("org.example.nobody", 0, 10));
        }
    }

    @Test
    void aVersionFourDatabaseGetsAnIndexForTheQueryBySession() throws Exception {
        String mine = "org.example.mine";
        try (Connection v4 = JDBC.createConnection(JDBC.PREFIX + database(), new Properties());
                Statement sql = v4.createStatement()) {
            Schema.migrate(v4, 0, 4);
            sql.executeUpdate("INSERT INTO transfers (id, url, title, folder, state, bytes, total, created_ms,"
                    + " updated_ms, session) VALUES (3, 'https://example.org/3', '', '/tmp', 'PAUSED', 0, -1, 1, 1, '"
                    + mine + "'), (4, 'https://example.org/4', '', '/tmp', 'COMPLETED', 5, 5, 1, 1, 'default'),"
                    + " (5, 'https://example.org/5', '', '/tmp', 'QUEUED', 0, -1, 1, 1, '" + mine + "')");
        }

        try (SqliteTransferStore store = SqliteTransferStore.open(database())) {
            assertEquals(List.of(3L, 5L), store.loadSession(mine).stream().map(TransferRecord::id).toList());
        }
        assertEquals(Schema.LATEST_VERSION, Files.readAllBytes(database())[63], "user_version is now the latest");
        try (Connection connection = JDBC.createConnection(JDBC.PREFIX + database(), new Properties());
                PreparedStatement explain = connection.prepareStatement("EXPLAIN QUERY PLAN "
                        + TransferRows.SELECT_SESSION)) {
            explain.setString(1, mine);
            List<String> plan = new ArrayList<>();
            try (ResultSet steps = explain.executeQuery()) {
                while (steps.next()) {
                    plan.add(steps.getString("detail"));
                }
            }
            assertTrue(plan.stream().anyMatch(step -> step.contains("USING INDEX transfers_by_session")), "" + plan);
            assertTrue(plan.stream().noneMatch(step -> step.contains("TEMP B-TREE")), "sorted by the index: " + plan);
        }
    }

    @Test
    void idsAreNeverReusedAcrossReopenAndClear() throws Exception {
        Set<Long> ids = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            try (SqliteTransferStore store = SqliteTransferStore.open(database())) {
                for (int i = 0; i < 5; i++) {
                    long id = store.nextId();
                    assertTrue(ids.add(id), "reused " + id);
                    store.save(record(id, Instant.now()));
                }
                store.clear();
                assertEquals(List.of(), store.loadAll());
            }
        }
        assertEquals(15, ids.size());
    }

    @Test
    void credentialsInAUrlAreNeverStored() throws Exception {
        TransferRecord withSecret = TransferRecord.create(1, TransferSession.DEFAULT_IDENTIFIER, URI.create("https://user:secret@example.org/f"), "",
                dir, null, Instant.now());
        try (SqliteTransferStore store = SqliteTransferStore.open(database())) {
            store.save(withSecret);
            assertEquals(URI.create("https://example.org/f"), store.loadAll().getFirst().url());
        }
        assertFalse(new String(Files.readAllBytes(database()), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("secret"), "the secret is not in the main file");
    }

    @Test
    void twoHundredTransfersUpdatedConcurrentlyLoseNothing() throws Exception {
        Map<Long, TransferRecord> last = new ConcurrentHashMap<>();
        try (SqliteTransferStore store = SqliteTransferStore.open(database())) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                ids.add(store.nextId());
            }
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<?>> work = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                List<Long> mine = ids.subList(thread * 25, thread * 25 + 25);
                work.add(threads.submit(() -> {
                    for (int step = 1; step <= 20; step++) {
                        for (long id : mine) {
                            TransferRecord progressed = record(id, Instant.ofEpochMilli(1_000))
                                    .withState(TransferState.RUNNING, null, Instant.ofEpochMilli(1_000))
                                    .withProgress(step * 1_000L + id, 1_000_000, Instant.ofEpochMilli(1_000 + step));
                            store.save(progressed);
                            last.put(id, progressed);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
            threads.shutdown();
        }

        try (SqliteTransferStore store = SqliteTransferStore.open(database())) {
            List<TransferRecord> loaded = store.loadAll();
            assertEquals(200, loaded.size());
            for (TransferRecord record : loaded) {
                assertEquals(last.get(record.id()), record);
                assertEquals(20_000 + record.id(), record.bytes());
            }
        }
    }

    @Test
    void aCorruptFileIsMovedAsideAndTheStoreStartsEmpty() throws Exception {
        byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        Files.write(database(), junk);

        try (SqliteTransferStore store = SqliteTransferStore.open(database())) {
            Path aside = store.movedAside().orElseThrow();
            assertArrayEquals(junk, Files.readAllBytes(aside), "kept for inspection");
            assertTrue(aside.getFileName().toString().startsWith("transfers.db.corrupt-"), aside.toString());
            assertEquals(List.of(), store.loadAll());
            long id = store.nextId();
            store.save(record(id, Instant.now()));
            assertEquals(1, store.loadAll().size());
        }
        try (SqliteTransferStore store = SqliteTransferStore.open(database())) {
            assertTrue(store.movedAside().isEmpty(), "the fresh database is healthy");
            assertEquals(1, store.loadAll().size());
        }
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedAndLeftAlone() throws Exception {
        try (SqliteTransferStore store = SqliteTransferStore.open(database())) {
            store.save(record(store.nextId(), Instant.now()));
        }
        setUserVersion(database(), 99);
        byte[] before = Files.readAllBytes(database());

        IOException refused = assertThrows(IOException.class, () -> SqliteTransferStore.open(database()));

        assertTrue(refused.getMessage().contains("99"), refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(database()));
    }

    /** SQLite keeps user_version as a big-endian int at offset 60 of the header. */
    private static void setUserVersion(Path file, int version) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[60] = (byte) (version >>> 24);
        bytes[61] = (byte) (version >>> 16);
        bytes[62] = (byte) (version >>> 8);
        bytes[63] = (byte) version;
        Files.write(file, bytes);
    }

    @Test
    void aVersionOneDatabaseIsMigratedForward() throws Exception {
        try (Connection v1 = JDBC.createConnection(JDBC.PREFIX + database(), new Properties());
                Statement sql = v1.createStatement()) {
            sql.executeUpdate("CREATE TABLE transfers (id INTEGER PRIMARY KEY, url TEXT NOT NULL, title TEXT NOT NULL,"
                    + " folder TEXT NOT NULL, file_name TEXT, part_file TEXT, file TEXT, state TEXT NOT NULL,"
                    + " bytes INTEGER NOT NULL, total INTEGER NOT NULL, etag TEXT, last_modified TEXT,"
                    + " expected_sha256 TEXT, sha256 TEXT, failure_kind TEXT, failure_message TEXT,"
                    + " created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL, finished_ms INTEGER)");
            sql.executeUpdate("CREATE TABLE sequence (singleton INTEGER PRIMARY KEY CHECK (singleton = 1),"
                    + " last_id INTEGER NOT NULL)");
            sql.executeUpdate("INSERT INTO sequence VALUES (1, 41)");
            sql.executeUpdate("INSERT INTO transfers VALUES (41, 'https://example.org/old.iso', '', '/tmp', NULL,"
                    + " NULL, NULL, 'PAUSED', 10, 100, '\"e\"', NULL, NULL, NULL, NULL, NULL, 1000, 2000, NULL)");
            sql.executeUpdate("PRAGMA user_version = 1");
        }

        try (SqliteTransferStore store = SqliteTransferStore.open(database())) {
            TransferRecord old = store.loadAll().getFirst();
            assertEquals(41, old.id());
            assertEquals(TransferState.PAUSED, old.state());
            assertEquals(null, old.resumeUrl());
            assertEquals(TransferSession.DEFAULT_IDENTIFIER, old.session(), "from before sessions: the default one's");
            assertEquals(List.of(), old.mirrors(), "from before mirrors: none");
            assertEquals(42, store.nextId(), "the sequence survives the migration");
        }
        byte[] header = Files.readAllBytes(database());
        assertEquals(Schema.LATEST_VERSION, header[63], "user_version is now the latest");
    }

    @Test
    void theJournalIsWriteAhead() throws Exception {
        try (SqliteTransferStore store = SqliteTransferStore.open(database())) {
            store.save(record(store.nextId(), Instant.now()));
            assertTrue(Files.exists(dir.resolve("transfers.db-wal")), "WAL mode keeps a -wal file while open");
        }
        assertEquals(Transfer.UNKNOWN_SIZE, record(1, Instant.now()).total());
    }
}
