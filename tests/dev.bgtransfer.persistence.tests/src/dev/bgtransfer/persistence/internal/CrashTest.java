package dev.bgtransfer.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TestHttpServer;
import dev.bgtransfer.junit.TransferFixture;

/**
 * A process running the service is killed with SIGKILL across one transfer; each new process on the
 * same store continues with a ranged request from the bytes the killed one wrote (a process's end
 * loses none of its writes), or from its last checkpoint when the bytes were written before the
 * machine last started (a power cut may have lost them). The service is held to one connection per
 * host for these; a file fetched in slices over several connections resumes each slice from the bytes
 * its last checkpoint recorded for it, or from further where the chunk hashes prove the bytes.
 */
class CrashTest {
    private static final long MB = 1_000_000;
    /** Checkpoints come every 2 s or 8 MiB: a power cut may lose at most that, plus what arrived meanwhile. */
    private static final long MAX_REFETCH = 8L * 1024 * 1024 + 2 * MB;
    private static final long MIB = 1024 * 1024;
    private static final long SLICED_SIZE = 48 * MIB;
    /** The server's rate per connection (its {@code limit_rate}) for the file fetched in slices. */
    private static final long SLICED_RATE = 2 * MB;
    /** What a connection may have had in flight, beyond what its slice recorded, when a checkpoint was taken. */
    private static final long SLICED_IN_FLIGHT = 2 * MIB;

    private TestHttpServer server;
    private ChildProcess child;
    @TempDir
    Path work;

    private Path state;
    private Path folder;

    @BeforeEach
    void setUp() throws Exception {
        server = TestHttpServer.start();
        state = work.resolve("state");
        folder = work.resolve("downloads");
    }

    /** Starts a process that downloads {@code file} into {@link #folder} with its store in {@link #state}. */
    private void startDownloading(TestFile file) throws Exception {
        child = ChildProcess.startOnePerHost(work, state, folder, List.of(server.uri(file.path())));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (child != null) {
            child.kill();
        }
        server.close();
    }

    @Test
    void fiveKillsAcrossOneTransferResumeRangedAndEndWithTheRightBytes() throws Exception {
        TestFile file = server.addFile("/files/crash.bin", 50 * MB, 71).throttle(4 * MB);
        startDownloading(file);

        long previousStart = 0;
        for (int kill = 1; kill <= 5; kill++) {
            // one checkpoint interval (2 s or 8 MiB) beyond the last resume, so that there is one to resume from
            long killAt = previousStart + 9 * MB;
            TransferFixture.awaitTrue("partial file reaches " + killAt, () -> partSize(folder) >= killAt);
            child.kill();
            long sizeAtKill = partSize(folder);
            int requestsBefore = server.requests(file.path()).size();

            child = ChildProcess.startOnePerHost(work, state, null, List.of());
            TransferFixture.awaitTrue("a new request after the kill",
                    () -> server.requests(file.path()).size() > requestsBefore);
            RecordedRequest resumed = server.requests(file.path()).get(requestsBefore);
            long start = resumed.rangeStart().orElseThrow(() -> new AssertionError("restarted from zero"));
            assertEquals(file.etag(), resumed.header("If-Range").orElseThrow());
            assertTrue(start > previousStart, "progress across kills: " + start + " after " + previousStart);
            assertEquals(sizeAtKill, start, "from the bytes on disk: nothing fetched again, nothing beyond");
            previousStart = start;
        }

        Path done = folder.resolve("crash.bin");
        // the final name appears as a link to the complete partial file (or, without links, is reserved empty first)
        TransferFixture.awaitTrue("the file completes", () -> size(done) == file.size());
        // killed right after it got its name, the completion may not be stored yet: the next process finds the file
        child.kill();
        int requestsAtCompletion = server.requests(file.path()).size();
        child = ChildProcess.startOnePerHost(work, state, null, List.of());
        Thread.sleep(1_000);
        child.kill();
        child = null;
        assertEquals(requestsAtCompletion, server.requests(file.path()).size(), "nothing fetched again");
        assertEquals(file.sha256(), TransferFixture.sha256(done));
        assertEquals(List.of("crash.bin"), TransferFixture.list(folder));
        try (SqliteTransferStore store = SqliteTransferStore.open(state.resolve("transfers.db"))) {
            TransferRecord record = store.loadAll().getFirst();
            assertEquals(TransferState.COMPLETED, record.state());
            assertEquals(file.sha256(), record.sha256());
            assertEquals(done, record.file());
        }
    }

    @Test
    void aKillBeforeTheFirstCheckpointKeepsTheBytesOnDisk() throws Exception {
        TestFile file = server.addFile("/files/early.bin", 20 * MB, 72).throttle(4 * MB);
        startDownloading(file);
        // the first checkpoint comes after 2 s (8 MB at this rate)
        TransferFixture.awaitTrue("a first megabyte on disk", () -> partSize(folder) >= MB);
        child.kill();
        long onDisk = partSize(folder);
        assertTrue(storedBytes(state) < onDisk, "the kill came before a checkpoint covered the bytes");

        child = ChildProcess.startOnePerHost(work, state, null, List.of());
        file.throttle(0);

        TransferFixture.awaitTrue("the file completes", () -> size(folder.resolve("early.bin")) == file.size());
        RecordedRequest resumed = server.requests(file.path()).get(1);
        assertEquals(onDisk, resumed.rangeStart().orElseThrow(() -> new AssertionError("restarted from zero")));
        assertEquals(file.sha256(), TransferFixture.sha256(folder.resolve("early.bin")));
    }

    @Test
    void bytesWrittenBeforeTheMachineStartedAreTakenOnlyUpToTheCheckpoint() throws Exception {
        TestFile file = server.addFile("/files/rebooted.bin", 30 * MB, 73).throttle(4 * MB);
        startDownloading(file);
        // 3 s at this rate: past the first checkpoint (2 s or 8 MiB); the store is read once the process is gone
        TransferFixture.awaitTrue("12 MB on disk", () -> partSize(folder) >= 12 * MB);
        child.kill();
        long checkpoint = storedBytes(state);
        assertTrue(checkpoint > 0 && checkpoint < partSize(folder), "a checkpoint with bytes beyond it: " + checkpoint);
        Path part = partFile(folder);
        // as if the machine had stopped since: the file was last written before it started
        Files.setLastModifiedTime(part, FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));

        child = ChildProcess.startOnePerHost(work, state, null, List.of());
        file.throttle(0);

        TransferFixture.awaitTrue("the file completes", () -> size(folder.resolve("rebooted.bin")) == file.size());
        RecordedRequest resumed = server.requests(file.path()).get(1);
        assertEquals(checkpoint, resumed.rangeStart().orElseThrow(() -> new AssertionError("restarted from zero")),
                "only the bytes forced to disk at the checkpoint");
        assertTrue(checkpoint <= MAX_REFETCH + 4 * MB, "checkpoints come every 2 s: " + checkpoint);
        assertEquals(file.sha256(), TransferFixture.sha256(folder.resolve("rebooted.bin")));
    }

    @Test
    void aKilledSegmentedDownloadResumesEachSliceFromItsCheckpoint() throws Exception {
        TestFile file = server.addFile("/files/sliced.bin", SLICED_SIZE, 81).throttle(SLICED_RATE);
        child = ChildProcess.start(work, state, folder, List.of(server.uri(file.path())));
        TransferFixture.awaitTrue("a checkpoint with two slices begun", () -> begunSlices(stored()) >= 2);
        child.kill();
        TransferRecord killed = stored();
        assertEquals(TransferState.RUNNING, killed.state());
        assertEquals(killed.slices().stream().mapToLong(TransferRecord.Slice::durable).sum(), killed.bytes(),
                "bytes are the sum of the slices' durable bytes: " + killed.slices());
        // chunk hashes may prove bytes a slice wrote after its checkpoint: it then resumes from further on
        List<TransferRecord.Slice> waiting = killed.slices().stream().filter(slice -> !slice.isDone()).toList();
        int before = server.requests(file.path()).size();
        long servedBefore = file.bytesServed();

        child = ChildProcess.start(work, state, null, List.of());
        Path done = folder.resolve("sliced.bin");
        TransferFixture.awaitTrue("the file completes", () -> size(done) == SLICED_SIZE);

        List<RecordedRequest> resumed = server.requests(file.path()).subList(before,
                server.requests(file.path()).size());
        assertTrue(resumed.stream().allMatch(request -> request.rangeStart().isPresent()
                && file.etag().equals(request.header("If-Range").orElse(null))), "all ranged: " + ranges(resumed));
        Set<Long> starts = resumed.stream().map(request -> request.rangeStart().getAsLong())
                .collect(Collectors.toSet());
        assertTrue(waiting.stream().allMatch(slice -> starts.stream().anyMatch(
                start -> start >= slice.start() + slice.durable() && start < slice.end())),
                "each slice from its durable bytes " + waiting + ": " + ranges(resumed));
        long servedAfter = file.bytesServed() - servedBefore;
        assertTrue(servedAfter <= SLICED_SIZE - killed.bytes() + 4 * SLICED_IN_FLIGHT,
                "nothing durable fetched again: " + servedAfter + " after " + killed.bytes());
        assertEquals(file.sha256(), TransferFixture.sha256(done));
        assertEquals(List.of("sliced.bin"), TransferFixture.list(folder));
        child.kill();
        child = null;
        TransferRecord completed = stored();
        assertEquals(TransferState.COMPLETED, completed.state());
        assertEquals(file.sha256(), completed.sha256());
        assertEquals(null, completed.slices());
    }

    private TransferRecord stored() {
        List<TransferRecord> records = StoredRecords.in(state);
        return records.isEmpty() ? null : records.getFirst();
    }

    /** @return how many slices of the record have durable bytes, 0 for a record without slices */
    private static long begunSlices(TransferRecord record) {
        return record == null || record.slices() == null ? 0
                : record.slices().stream().filter(slice -> slice.durable() > 0 && !slice.isDone()).count();
    }

    /** @return the bytes the store records as durable for the one transfer; only while no process runs */
    private static long storedBytes(Path state) {
        return StoredRecords.in(state).stream().mapToLong(TransferRecord::bytes).sum();
    }

    private static Path partFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".part")).findFirst().orElseThrow();
        }
    }

    private static long partSize(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".part")).mapToLong(CrashTest::size).sum();
        } catch (IOException raced) {
            return 0;
        }
    }

    private static String ranges(List<RecordedRequest> requests) {
        return requests.stream().map(request -> request.header("Range").orElse("whole")).toList().toString();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }
}
