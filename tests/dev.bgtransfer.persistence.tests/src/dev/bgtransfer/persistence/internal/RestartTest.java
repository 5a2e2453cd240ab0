package dev.bgtransfer.persistence.internal;

import static dev.bgtransfer.junit.TransferFixture.list;
import static dev.bgtransfer.junit.TransferFixture.partFiles;
import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferPreferences;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;
import dev.bgtransfer.core.spi.TransferRecord;

/**
 * The service is stopped and started (its bundle, as at a quit and the next start) with the real
 * SQLite store: transfers come back with their ids and states, and continue from their bytes.
 */
class RestartTest extends ServiceTest {
    private static final long MB = 1_000_000;


    @Test
    void aRunningTransferContinuesRangedFromItsCheckpointAfterARestart() throws Exception {
        TestFile file = server.addFile("/files/restart.bin", 20 * MB, 91).throttle(4 * MB);
        // one connection, as from a server that offers no ranges up front (slices: SegmentedCrashTest)
        fixture.service().setOptions(fixture.service().options().withMaxConnectionsPerHost(1));
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitBytes(started.id(), 10 * MB);

        TransferFixture.restartService();
        file.throttle(0);

        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);
        List<RecordedRequest> requests = server.requests(file.path());
        assertEquals(2, requests.size());
        long resumedAt = requests.get(1).rangeStart().orElseThrow(() -> new AssertionError("restarted from zero"));
        assertTrue(resumedAt >= 8 * MB, "resumed from the checkpoint, not near zero: " + resumedAt);
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(List.of("restart.bin"), list(folder));
    }

    @Test
    void pausedStaysPausedAndCompletedStaysAsHistory() throws Exception {
        TestFile finished = server.addFile("/files/history.bin", 100_000, 92);
        TestFile slow = server.addFile("/files/paused.bin", 8 * MB, 93).throttle(2 * MB);
        Transfer completed = fixture.service().download(TransferRequest.of(server.uri(finished.path()), folder));
        fixture.awaitState(completed.id(), TransferState.COMPLETED);
        Transfer running = fixture.service().download(TransferRequest.of(server.uri(slow.path()), folder));
        fixture.awaitBytes(running.id(), 500_000);
        fixture.service().pause(running.id());
        long kept = fixture.awaitState(running.id(), TransferState.PAUSED).bytesReceived();

        TransferFixture.restartService();

        Transfer history = fixture.service().get(completed.id()).orElseThrow();
        assertEquals(TransferState.COMPLETED, history.state());
        assertEquals(finished.sha256(), history.sha256().orElseThrow());
        Transfer paused = fixture.service().get(running.id()).orElseThrow();
        assertEquals(TransferState.PAUSED, paused.state());
        assertEquals(kept, paused.bytesReceived());
        TransferFixture.sleep(300);
        assertEquals(1, server.requests(slow.path()).size(), "a paused transfer does not start by itself");

        slow.throttle(0);
        fixture.service().start(running.id());
        Transfer done = fixture.awaitState(running.id(), TransferState.COMPLETED);
        assertEquals(kept, server.requests(slow.path()).getLast().rangeStart().orElseThrow());
        assertEquals(slow.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void withContinueUnfinishedOffARunningTransferComesBackPaused() throws Exception {
        TestFile file = server.addFile("/files/no-continue.bin", 8 * MB, 96).throttle(2 * MB);
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitBytes(started.id(), 500_000);
        IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(TransferPreferences.NODE);
        preferences.putBoolean(TransferPreferences.CONTINUE_UNFINISHED, false);
        try {
            TransferFixture.restartService();
            assertEquals(TransferState.PAUSED, fixture.service().get(started.id()).orElseThrow().state());
            TransferFixture.sleep(300);
            assertEquals(1, server.requests(file.path()).size());
        } finally {
            preferences.remove(TransferPreferences.CONTINUE_UNFINISHED);
        }
        file.throttle(0);
        fixture.service().start(started.id());
        assertEquals(file.sha256(), sha256(fixture.awaitState(started.id(), TransferState.COMPLETED).file().orElseThrow()));
        assertTrue(server.requests(file.path()).getLast().rangeStart().orElseThrow() > 0);
    }

    @Test
    void idsAreNeverReusedAcrossRestarts() {
        TestFile file = server.addFile("/files/id.bin", 1_000, 94);
        long first = fixture.service().add(TransferRequest.of(server.uri(file.path()), folder)).id();
        fixture.service().resetAll();
        TransferFixture.restartService();

        long second = fixture.service().add(TransferRequest.of(server.uri(file.path()), folder)).id();

        assertTrue(second > first, second + " after " + first);
    }

    enum PartialFile {
        MISSING, SHORTER, LONGER
    }

    /** The partial file is the truth for the offset; the record only bounds it. */
    @ParameterizedTest
    @EnumSource(PartialFile.class)
    void thePartialFileDecidesWhereToResume(PartialFile change) throws Exception {
        TestFile file = server.addFile("/files/truth.bin", 6 * MB, 95).throttle(2 * MB);
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitBytes(started.id(), 1 * MB);
        fixture.service().pause(started.id());
        long recorded = fixture.awaitState(started.id(), TransferState.PAUSED).bytesReceived();
        Path part = partFiles(folder).getFirst();

        Bundle core = FrameworkUtil.getBundle(TransferService.class);
        core.stop();
        long expectedStart = change(part, change, recorded);
        core.start(Bundle.START_ACTIVATION_POLICY);

        file.throttle(0);
        fixture.service().start(started.id());
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);
        RecordedRequest resumed = server.requests(file.path()).getLast();
        if (expectedStart == 0) {
            assertFalse(resumed.rangeStart().isPresent(), "a missing partial file starts from zero");
        } else {
            assertEquals(expectedStart, resumed.rangeStart().orElseThrow());
        }
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(List.of("truth.bin"), list(folder));
    }

    private static long change(Path part, PartialFile change, long recorded) throws IOException {
        switch (change) {
            case MISSING -> {
                Files.delete(part);
                return 0;
            }
            case SHORTER -> {
                try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
                    channel.truncate(recorded / 2);
                }
                return recorded / 2;
            }
            case LONGER -> {
                try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.APPEND)) {
                    out.write(new byte[5_000]);
                }
                return recorded;
            }
            default -> throw new IllegalArgumentException(change.toString());
        }
    }

    /**
     * All bytes on disk but not completed (a process ended after the last byte): the ranged
     * request beyond the end gets a 416 that names the same length, and the file completes
     * without fetching anything again.
     */
    @Test
    void aCompletePartialFileIsFinishedByA416() throws Exception {
        TestFile file = server.addFile("/files/whole.bin", 2 * MB, 97).throttle(1 * MB);
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitBytes(started.id(), 300_000);
        fixture.service().pause(started.id());
        fixture.awaitState(started.id(), TransferState.PAUSED);
        Bundle core = FrameworkUtil.getBundle(TransferService.class);
        core.stop();
        Files.write(partFiles(folder).getFirst(), file.bytes());
        Path database = Path.of(System.getProperty("dev.bgtransfer.state"), "transfers.db");
        try (SqliteTransferStore store = SqliteTransferStore.open(database)) {
            TransferRecord paused = store.loadAll().stream().filter(record -> record.id() == started.id())
                    .findFirst().orElseThrow();
            store.save(paused.withProgress(file.size(), file.size(), Instant.now()));
        }
        core.start(Bundle.START_ACTIVATION_POLICY);

        fixture.service().start(started.id());
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);

        assertEquals(2, server.requests(file.path()).size());
        assertEquals(file.size(), server.requests(file.path()).getLast().rangeStart().orElseThrow());
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(file.sha256(), done.sha256().orElseThrow());
    }

    @Test
    void twoHundredTransfersAreAllStoredCompleted() throws Exception {
        List<TestFile> files = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            TestFile file = server.addFile("/many/file-" + i + ".bin", 20_000 + i, 1000 + i);
            files.add(file);
            ids.add(fixture.service().download(TransferRequest.of(server.uri(file.path()), folder)).id());
        }
        ids.forEach(id -> fixture.awaitState(id, TransferState.COMPLETED));

        TransferFixture.restartService();

        for (int i = 0; i < ids.size(); i++) {
            Transfer stored = fixture.service().get(ids.get(i)).orElseThrow();
            assertEquals(TransferState.COMPLETED, stored.state(), stored.toString());
            assertEquals(files.get(i).sha256(), stored.sha256().orElseThrow());
            assertEquals(files.get(i).size(), stored.bytesReceived());
        }
        assertEquals(200, fixture.service().transfers().size());
        assertEquals(200, list(folder).size());
    }
}
