package dev.bgtransfer.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import dev.bgtransfer.persistence.internal.SqliteTransferStore;

/**
 * A process running the service is killed with SIGKILL five times across one transfer; each new
 * process on the same store continues with a ranged request from its last checkpoint.
 */
class CrashTest {
    private static final long MB = 1_000_000;
    /** Checkpoints come every 2 s or 8 MiB: a kill may lose at most that, plus what arrived meanwhile. */
    private static final long MAX_REFETCH = 8L * 1024 * 1024 + 2 * MB;

    private TestHttpServer server;
    private ChildProcess child;
    @TempDir
    Path work;

    @BeforeEach
    void setUp() throws Exception {
        server = TestHttpServer.start();
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
        Path state = work.resolve("state");
        Path folder = work.resolve("downloads");
        child = ChildProcess.start(work, state, folder, List.of(server.uri(file.path())));

        long previousStart = 0;
        for (int kill = 1; kill <= 5; kill++) {
            // one checkpoint interval (2 s or 8 MiB) beyond the last resume, so that there is one to resume from
            long killAt = previousStart + 9 * MB;
            TransferFixture.awaitTrue("partial file reaches " + killAt, () -> partSize(folder) >= killAt);
            long sizeAtKill = partSize(folder);
            child.kill();
            int requestsBefore = server.requests(file.path()).size();

            child = ChildProcess.start(work, state, null, List.of());
            TransferFixture.awaitTrue("a new request after the kill",
                    () -> server.requests(file.path()).size() > requestsBefore);
            RecordedRequest resumed = server.requests(file.path()).get(requestsBefore);
            long start = resumed.rangeStart().orElseThrow(() -> new AssertionError("restarted from zero"));
            assertEquals(file.etag(), resumed.header("If-Range").orElseThrow());
            assertTrue(start > previousStart, "progress across kills: " + start + " after " + previousStart);
            assertTrue(start <= sizeAtKill, "never beyond the bytes on disk: " + start + " > " + sizeAtKill);
            assertTrue(sizeAtKill - start <= MAX_REFETCH, "fetched again: " + (sizeAtKill - start));
            previousStart = start;
        }

        Path done = folder.resolve("crash.bin");
        // the final name appears as a link to the complete partial file (or, without links, is reserved empty first)
        TransferFixture.awaitTrue("the file completes", () -> size(done) == file.size());
        // killed right after it got its name, the completion may not be stored yet: the next process finds the file
        child.kill();
        int requestsAtCompletion = server.requests(file.path()).size();
        child = ChildProcess.start(work, state, null, List.of());
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

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }
}
