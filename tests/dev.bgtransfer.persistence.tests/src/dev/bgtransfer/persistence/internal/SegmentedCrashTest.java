package dev.bgtransfer.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
 * A process fetching one large file over several connections is killed with SIGKILL; the next
 * process on the same store asks for each unfinished slice from the bytes its last checkpoint
 * recorded for it (ranged, with If-Range), fetches nothing else again, and ends with the right bytes.
 */
class SegmentedCrashTest {
    private static final long MIB = 1024 * 1024;
    private static final long SIZE = 48 * MIB;
    /** The server's rate per connection (its {@code limit_rate}). */
    private static final long RATE = 2_000_000;
    /** What a connection may have had in flight, beyond what its slice recorded, when a checkpoint was taken. */
    private static final long IN_FLIGHT = 2 * MIB;

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

    @AfterEach
    void tearDown() throws Exception {
        if (child != null) {
            child.kill();
        }
        server.close();
    }

    @Test
    void aKilledSegmentedDownloadResumesEachSliceFromItsCheckpoint() throws Exception {
        TestFile file = server.addFile("/files/sliced.bin", SIZE, 81).throttle(RATE);
        child = ChildProcess.start(work, state, folder, List.of(server.uri(file.path())));
        TransferFixture.awaitTrue("a checkpoint with two slices begun", () -> begunSlices(stored()) >= 2);
        child.kill();
        TransferRecord killed = stored();
        assertEquals(TransferState.RUNNING, killed.state());
        assertEquals(killed.slices().stream().mapToLong(TransferRecord.Slice::durable).sum(), killed.bytes(),
                "bytes are the sum of the slices' durable bytes: " + killed.slices());
        Set<Long> resumeAt = killed.slices().stream().filter(slice -> !slice.isDone())
                .map(slice -> slice.start() + slice.durable()).collect(Collectors.toSet());
        int before = server.requests(file.path()).size();
        long servedBefore = file.bytesServed();

        child = ChildProcess.start(work, state, null, List.of());
        Path done = folder.resolve("sliced.bin");
        TransferFixture.awaitTrue("the file completes", () -> size(done) == SIZE);

        List<RecordedRequest> resumed = server.requests(file.path()).subList(before, server.requests(file.path()).size());
        assertTrue(resumed.stream().allMatch(request -> request.rangeStart().isPresent()
                && file.etag().equals(request.header("If-Range").orElse(null))), "all ranged: " + ranges(resumed));
        Set<Long> starts = resumed.stream().map(request -> request.rangeStart().getAsLong()).collect(Collectors.toSet());
        assertTrue(starts.containsAll(resumeAt), "each slice from its durable bytes " + resumeAt + ": " + ranges(resumed));
        long servedAfter = file.bytesServed() - servedBefore;
        assertTrue(servedAfter <= SIZE - killed.bytes() + 4 * IN_FLIGHT,
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
