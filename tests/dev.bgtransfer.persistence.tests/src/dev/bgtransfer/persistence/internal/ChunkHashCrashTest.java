package dev.bgtransfer.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.core.spi.TransferRecord.ChunkHash;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TestHttpServer;
import dev.bgtransfer.junit.TransferFixture;

/**
 * A partial file checks itself after a {@code kill -9}: the chunk hashes recorded while its bytes
 * were written find bytes damaged on disk before the file gets its name, only the damaged chunk
 * onwards is fetched again, and chunks hashed after the last checkpoint are kept when they prove
 * good.
 */
class ChunkHashCrashTest extends KilledChildTest {
    private static final long MB = 1_000_000;
    private static final long CHUNK = 4L * 1024 * 1024;

    private Path state;
    private Path folder;

    @BeforeEach
    void setUp() throws Exception {
        server = TestHttpServer.start();
        state = work.resolve("state");
        folder = work.resolve("downloads");
    }

    /** The case: killed mid-download, 21 bytes overwritten in the middle of the partial file, resumed. */
    @Test
    void twentyOneBytesOverwrittenAfterAKillAreFetchedAgainFromTheirChunk() throws Exception {
        TestFile file = server.addFile("/files/damaged.bin", 40 * MB, 91).throttle(4 * MB);
        child = ChildProcess.startOnePerHost(work, state, folder, List.of(server.uri(file.path())));
        TransferFixture.awaitTrue("20 MB on disk", () -> partSize() >= 20 * MB);
        child.kill();
        long onDisk = partSize();
        long damagedAt = onDisk / 2;
        TransferFixture.overwrite(partFile(), damagedAt, 21);
        RecordedRequest resumed = resumeToTheServersFile(file, "damaged.bin");
        long start = resumed.rangeStart().orElseThrow(() -> new AssertionError("restarted from zero"));
        assertEquals(damagedAt / CHUNK * CHUNK, start, "from the start of the damaged chunk, not from " + onDisk);
        assertNotEquals(0, start);
        assertEquals(file.etag(), resumed.header("If-Range").orElseThrow());
        child.kill();
        child = null;
        TransferRecord completed = StoredRecords.in(state).getFirst();
        assertEquals(TransferState.COMPLETED, completed.state());
        assertEquals(file.sha256(), completed.sha256(), "the SHA-256 recorded is the file's");
    }

    /**
     * As if the machine had stopped (the file last written before it started): the store's
     * checkpoint is all the record trusts, yet the chunks hashed after it prove good and are kept.
     */
    @Test
    void chunksHashedAfterTheLastCheckpointAreKept() throws Exception {
        TestFile file = server.addFile("/files/beyond.bin", 40 * MB, 92).throttle(4 * MB);
        child = ChildProcess.startOnePerHost(work, state, folder, List.of(server.uri(file.path())));
        TransferFixture.awaitTrue("a chunk hashed beyond the last checkpoint", () -> {
            TransferRecord stored = stored();
            return stored != null && stored.bytes() > 0 && lastChunkEnd(stored) > stored.bytes();
        });
        child.kill();
        TransferRecord killed = stored();
        long proven = lastChunkEnd(killed);
        assertTrue(proven > killed.bytes(), "a chunk beyond the checkpoint " + killed.bytes() + ": " + proven);
        Files.setLastModifiedTime(partFile(), FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));
        RecordedRequest resumed = resumeToTheServersFile(file, "beyond.bin");
        assertEquals(proven, resumed.rangeStart().orElseThrow(() -> new AssertionError("restarted from zero")),
                "from the last chunk its hash proves, past the checkpoint at " + killed.bytes());
    }

    /**
     * Starts a new process on the store, which resumes the transfer at full speed, and checks that
     * the file it names {@code name} is the server's.
     *
     * @return the first request of the resume
     */
    private RecordedRequest resumeToTheServersFile(TestFile file, String name) throws Exception {
        int before = server.requests(file.path()).size();
        child = ChildProcess.startOnePerHost(work, state, null, List.of());
        file.throttle(0);
        Path done = folder.resolve(name);
        TransferFixture.awaitTrue("the file completes", () -> size(done) == file.size());
        assertEquals(file.sha256(), TransferFixture.sha256(done), "the file is the server's");
        return server.requests(file.path()).get(before);
    }

    private TransferRecord stored() {
        List<TransferRecord> records = StoredRecords.in(state);
        return records.isEmpty() ? null : records.getFirst();
    }

    private static long lastChunkEnd(TransferRecord record) {
        List<ChunkHash> chunks = record.chunks();
        return chunks == null ? 0
                : chunks.stream().filter(chunk -> chunk.start() == 0).mapToLong(ChunkHash::end).max().orElse(0);
    }

    private Path partFile() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".part")).findFirst().orElseThrow();
        }
    }

    private long partSize() {
        try {
            return Files.isDirectory(folder) ? size(partFile()) : 0;
        } catch (IOException | RuntimeException none) {
            return 0;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }
}
