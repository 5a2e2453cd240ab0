package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.list;
import static dev.bgtransfer.junit.TransferFixture.partFiles;
import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;

/** Pause keeps resume data, resume is ranged and never splices, stop cleans up, a Job cancel pauses. */
class PauseResumeStopTest extends ServiceTest {
    private static final long SIZE = 4_000_000;
    private static final long RATE = 1_000_000;

    /** Starts a throttled download and pauses it once some bytes arrived. */
    private Transfer downloadAndPause(TestFile file) throws Exception {
        return downloadAndPause(file.path());
    }

    /** Starts a throttled download of {@code path} (which may redirect) and pauses it once some bytes arrived. */
    private Transfer downloadAndPause(String path) throws Exception {
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(path), folder));
        fixture.awaitBytes(started.id(), 300_000);
        fixture.service().pause(started.id());
        Transfer paused = fixture.awaitState(started.id(), TransferState.PAUSED);
        assertTrue(paused.bytesReceived() > 0 && paused.bytesReceived() < SIZE, paused.toString());
        List<Path> parts = partFiles(folder);
        assertEquals(1, parts.size(), "one partial file: " + list(folder));
        assertEquals(paused.bytesReceived(), Files.size(parts.getFirst()));
        return paused;
    }

    @Test
    void resumeContinuesFromTheOffsetWithIfRange() throws Exception {
        TestFile file = server.addFile("/files/resume.bin", SIZE, 21).throttle(RATE);
        Transfer paused = downloadAndPause(file);

        file.throttle(0);
        fixture.service().start(paused.id());
        Transfer done = fixture.awaitState(paused.id(), TransferState.COMPLETED);

        RecordedRequest resumed = server.requests(file.path()).getLast();
        assertEquals(paused.bytesReceived(), resumed.rangeStart().orElseThrow());
        assertEquals(file.etag(), resumed.header("If-Range").orElseThrow());
        assertEquals(2, server.requests(file.path()).size());
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(List.of("resume.bin"), list(folder));
    }

    @Test
    void bytesThatCameThroughARedirectAreResumedWhereTheyCameFrom() throws Exception {
        TestFile file = server.addFile("/mirror/redirected.bin", SIZE, 35).throttle(RATE);
        server.addRedirect("/get/redirected.bin", 302, "/mirror/redirected.bin");
        Transfer started = downloadAndPause("/get/redirected.bin");
        long kept = started.bytesReceived();

        file.throttle(0);
        fixture.service().start(started.id());
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);

        assertEquals(1, server.requests("/get/redirected.bin").size(), "the resume went straight to the mirror");
        assertEquals(kept, server.requests(file.path()).getLast().rangeStart().orElseThrow());
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void aResumePlaceThatIsGoneFallsBackToTheRequestedUrl() throws Exception {
        TestFile first = server.addFile("/mirror-a/moving.bin", SIZE, 36).throttle(RATE);
        server.addRedirect("/get/moving.bin", 302, "/mirror-a/moving.bin");
        Transfer started = downloadAndPause("/get/moving.bin");
        long kept = started.bytesReceived();

        server.remove(first.path());
        server.remove("/get/moving.bin");
        TestFile moved = server.addFile("/mirror-b/moving.bin", SIZE, 36);
        server.addRedirect("/get/moving.bin", 302, "/mirror-b/moving.bin");
        fixture.service().start(started.id());
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);

        assertEquals(kept, server.requests(moved.path()).getLast().rangeStart().orElseThrow(), "still ranged");
        assertEquals(moved.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void aServerIgnoringRangeRestartsFromZero() throws Exception {
        TestFile file = server.addFile("/files/norange.bin", SIZE, 22).throttle(RATE);
        Transfer paused = downloadAndPause(file);

        file.throttle(0).ignoreRange(true);
        fixture.service().start(paused.id());
        Transfer done = fixture.awaitState(paused.id(), TransferState.COMPLETED);

        assertTrue(server.requests(file.path()).getLast().rangeStart().isPresent(), "a range was asked for");
        assertEquals(file.size(), Files.size(done.file().orElseThrow()));
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void aChangedEntityRestartsAndIsNeverSpliced() throws Exception {
        TestFile file = server.addFile("/files/changing.bin", SIZE, 23).throttle(RATE);
        String before = file.sha256();
        Transfer paused = downloadAndPause(file);

        file.throttle(0).changeContent(24);
        fixture.service().start(paused.id());
        Transfer done = fixture.awaitState(paused.id(), TransferState.COMPLETED);

        assertNotEquals(before, file.sha256());
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(file.sha256(), done.sha256().orElseThrow());
    }

    @Test
    void pauseOfAQueuedTransferKeepsItWaiting() {
        TestFile file = server.addFile("/files/queued.bin", 100_000, 25);
        fixture.service().setOptions(fixture.service().options().withMaxConnectionsPerHost(1));
        TestFile blocker = server.addFile("/files/blocker.bin", SIZE, 26).throttle(RATE);
        Transfer running = fixture.service().download(TransferRequest.of(server.uri(blocker.path()), folder));
        fixture.awaitBytes(running.id(), 1);
        Transfer queued = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        assertEquals(TransferState.QUEUED, queued.state());

        fixture.service().pause(queued.id());
        fixture.service().stop(running.id());
        fixture.awaitState(running.id(), TransferState.CANCELLED);

        assertEquals(TransferState.PAUSED, fixture.service().get(queued.id()).orElseThrow().state());
        assertEquals(0, server.requests(file.path()).size());
    }

    @Test
    void stopDeletesThePartialFileAndReturnsToTheStart() throws Exception {
        TestFile file = server.addFile("/files/stopped.bin", SIZE, 27).throttle(RATE);
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitBytes(started.id(), 200_000);
        assertEquals(1, partFiles(folder).size());

        fixture.service().stop(started.id());
        Transfer stopped = fixture.awaitState(started.id(), TransferState.CANCELLED);

        assertEquals(0, stopped.bytesReceived());
        assertEquals(Transfer.UNKNOWN_SIZE, stopped.totalBytes());
        assertEquals(List.of(), list(folder));

        file.throttle(0);
        fixture.service().start(started.id());
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);
        assertFalse(server.requests(file.path()).getLast().rangeStart().isPresent(), "starts again from zero");
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void stopOfAPausedTransferDeletesItsBytes() throws Exception {
        TestFile file = server.addFile("/files/paused-then-stopped.bin", SIZE, 28).throttle(RATE);
        Transfer paused = downloadAndPause(file);

        fixture.service().stop(paused.id());

        assertEquals(TransferState.CANCELLED, fixture.service().get(paused.id()).orElseThrow().state());
        assertEquals(List.of(), list(folder));
    }

    @Test
    void cancellingTheJobPausesTheTransferWithItsBytesKept() throws Exception {
        TestFile file = server.addFile("/files/cancelled.bin", SIZE, 29).throttle(RATE);
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitBytes(started.id(), 200_000);

        Job[] jobs = Job.getJobManager().find(new TransferService.JobFamily(started.id()));
        assertEquals(1, jobs.length);
        assertTrue(jobs[0].belongsTo(TransferService.JOB_FAMILY));
        jobs[0].cancel(); // what the Progress view's stop button does

        Transfer paused = fixture.awaitState(started.id(), TransferState.PAUSED);
        assertTrue(paused.bytesReceived() > 0, paused.toString());
        assertEquals(paused.bytesReceived(), Files.size(partFiles(folder).getFirst()), "the bytes are kept");
        assertEquals(0, Job.getJobManager().find(TransferService.JOB_FAMILY).length);

        file.throttle(0);
        fixture.service().start(started.id());
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);
        assertEquals(paused.bytesReceived(), server.requests(file.path()).getLast().rangeStart().orElseThrow());
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void startAllAndStopAll() throws Exception {
        List<TestFile> files = List.of(server.addFile("/files/all-1.bin", SIZE, 30).throttle(RATE),
                server.addFile("/files/all-2.bin", SIZE, 31).throttle(RATE));
        List<Transfer> added = files.stream()
                .map(file -> fixture.service().add(TransferRequest.of(server.uri(file.path()), folder))).toList();

        fixture.service().startAll();
        added.forEach(transfer -> fixture.awaitBytes(transfer.id(), 100_000));
        fixture.service().stopAll();
        added.forEach(transfer -> fixture.awaitState(transfer.id(), TransferState.CANCELLED));
        assertEquals(List.of(), list(folder));

        files.forEach(file -> file.throttle(0));
        fixture.service().startAll();
        for (Transfer transfer : added) {
            Transfer done = fixture.awaitState(transfer.id(), TransferState.COMPLETED);
            assertEquals(files.get(added.indexOf(transfer)).sha256(), sha256(done.file().orElseThrow()));
        }
    }

    @Test
    void removeForgetsTheTransferAndCanDeleteTheFile() throws Exception {
        TestFile file = server.addFile("/files/removed.bin", 10_000, 32);
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        Path path = fixture.awaitState(started.id(), TransferState.COMPLETED).file().orElseThrow();

        fixture.service().remove(started.id(), true);

        assertTrue(fixture.service().get(started.id()).isEmpty());
        assertFalse(Files.exists(path));
    }

    @Test
    void aTransferRemovedWhileItRunsLeavesNothingInTheStoreOrTheFolder() throws Exception {
        TestFile file = server.addFile("/files/removed-running.bin", SIZE, 35).throttle(RATE);
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitBytes(started.id(), 100_000);

        fixture.service().remove(started.id(), true);

        TransferFixture.awaitTrue("its Job ended and its partial file is gone", () -> {
            try {
                return Job.getJobManager().find(TransferService.JOB_FAMILY).length == 0 && list(folder).isEmpty();
            } catch (IOException unreadable) {
                return false;
            }
        });
        assertTrue(fixture.service().get(started.id()).isEmpty());
        assertArrayEquals(new long[0], fixture.service().ids(), "nothing left in the store");
    }

    @Test
    void resetAllDeletesOnlyWhatTheServiceWrote() throws Exception {
        TestFile done = server.addFile("/files/reset-done.bin", 10_000, 33);
        TestFile running = server.addFile("/files/reset-running.bin", SIZE, 34).throttle(RATE);
        Files.writeString(folder.resolve("keep-me.txt"), "not ours");
        Transfer first = fixture.service().download(TransferRequest.of(server.uri(done.path()), folder));
        fixture.awaitState(first.id(), TransferState.COMPLETED);
        Transfer second = fixture.service().download(TransferRequest.of(server.uri(running.path()), folder));
        fixture.awaitBytes(second.id(), 100_000);

        fixture.service().resetAll();

        assertEquals(List.of(), fixture.service().transfers());
        long deadline = System.nanoTime() + TransferFixture.TIMEOUT.toNanos();
        while (list(folder).size() > 1 && System.nanoTime() < deadline) {
            TransferFixture.sleep(10);
        }
        assertEquals(List.of("keep-me.txt"), list(folder));
    }
}
