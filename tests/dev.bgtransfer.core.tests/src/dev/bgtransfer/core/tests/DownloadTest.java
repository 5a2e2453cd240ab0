package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.list;
import static dev.bgtransfer.junit.TransferFixture.partFiles;
import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;

/** Whole downloads through the real service against a real HTTP server on loopback. */
class DownloadTest extends ServiceTest {
    @Test
    void downloadCompletesWithTheExactBytes() throws Exception {
        TestFile file = server.addFile("/files/seed-1.bin", 3_000_123, 1);

        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);

        Path path = folder.resolve("seed-1.bin");
        assertEquals(path, done.file().orElseThrow());
        assertEquals(file.sha256(), sha256(path));
        assertEquals(file.sha256(), done.sha256().orElseThrow());
        assertEquals(file.size(), Files.size(path));
        assertEquals(file.size(), done.bytesReceived());
        assertEquals(file.size(), done.totalBytes());
        assertEquals(List.of("seed-1.bin"), list(folder));
        assertEquals("seed-1.bin", done.title());
        fixture.awaitEvent(TransferEvent.Completed.class, event -> event.transfer().id() == started.id());
        TransferEvent.AllFinished all = fixture.awaitEvent(TransferEvent.AllFinished.class, event -> true);
        assertEquals(List.of(started.id()), all.completed().stream().map(Transfer::id).toList());
        assertEquals(List.of(), all.failed());
    }

    @Test
    void completedTransfersLeaveTheUnfinishedOnesAndAreStillFoundByIdPageAndList() throws Exception {
        TestFile done = server.addFile("/files/done.bin", 100_000, 5);
        TestFile waiting = server.addFile("/files/waiting.bin", 100_000, 6);
        TransferService service = fixture.service();
        Transfer completed = service.download(TransferRequest.of(server.uri(done.path()), folder));
        fixture.awaitState(completed.id(), TransferState.COMPLETED);
        Transfer added = service.add(TransferRequest.of(server.uri(waiting.path()), folder));

        assertEquals(List.of(added.id()), service.unfinished().stream().map(Transfer::id).toList());
        assertEquals(List.of(completed.id(), added.id()), service.transfers().stream().map(Transfer::id).toList());
        assertArrayEquals(new long[] { completed.id(), added.id() }, service.ids());
        Transfer found = service.get(completed.id()).orElseThrow();
        assertEquals(TransferState.COMPLETED, found.state());
        assertEquals(done.sha256(), found.sha256().orElseThrow());
        assertEquals(List.of(found), service.transfers(completed.id(), 1));

        service.start(completed.id()); // nothing to start
        service.remove(completed.id(), true);
        assertTrue(service.get(completed.id()).isEmpty());
        assertEquals(List.of(), list(folder));
        assertArrayEquals(new long[] { added.id() }, service.ids());
    }

    @Test
    void eventsFollowTheLifeCycleInOrder() {
        TestFile file = server.addFile("/files/order.bin", 200_000, 2);

        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitEvent(TransferEvent.AllFinished.class, event -> true);

        List<TransferState> states = fixture.events(TransferEvent.StateChanged.class).stream()
                .filter(event -> event.transfer().id() == started.id())
                .map(event -> event.transfer().state()).toList();
        // Added says QUEUED: the changes follow from there
        assertEquals(TransferState.QUEUED, ((TransferEvent.Added) fixture.events().getFirst()).transfer().state());
        assertEquals(List.of(TransferState.RUNNING, TransferState.COMPLETED), states);
    }

    @Test
    void theTitleComesFromTheRequestWhenGiven() {
        TestFile file = server.addFile("/files/a.bin", 10_000, 3);

        Transfer started = fixture.service()
                .download(TransferRequest.of(server.uri(file.path()), folder).withTitle("The first file"));

        assertEquals("The first file", fixture.awaitState(started.id(), TransferState.COMPLETED).title());
    }

    @Test
    void addedTransfersWaitForStart() throws Exception {
        TestFile file = server.addFile("/files/later.bin", 50_000, 4);

        Transfer added = fixture.service().add(TransferRequest.of(server.uri(file.path()), folder));
        assertEquals(TransferState.CANCELLED, added.state());
        TransferFixture.sleep(300);
        assertEquals(0, server.requests(file.path()).size());

        fixture.service().start(added.id());
        Transfer done = fixture.awaitState(added.id(), TransferState.COMPLETED);
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void anUnknownSizeIsReportedAndTheDownloadCompletes() throws Exception {
        TestFile file = server.addFile("/files/stream.bin", 1_500_000, 5).withoutLength(true).throttle(1_000_000);

        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        Transfer running = fixture.awaitBytes(started.id(), 1);
        assertEquals(Transfer.UNKNOWN_SIZE, running.totalBytes());
        assertEquals(-1, running.fractionDone());

        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(file.size(), done.bytesReceived());
    }

    @Test
    void progressEventsAreCoalesced() {
        TestFile file = server.addFile("/files/slow.bin", 2_000_000, 6).throttle(1_000_000);

        long begin = System.nanoTime();
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitState(started.id(), TransferState.COMPLETED);
        double seconds = (System.nanoTime() - begin) / 1e9;

        long progressEvents = fixture.events(TransferEvent.Progress.class).stream()
                .filter(event -> event.transfer().id() == started.id()).count();
        assertTrue(seconds > 1.5, "the throttle should make this take about 2 s, took " + seconds);
        assertTrue(progressEvents >= 5, "progress should be reported while running: " + progressEvents);
        // about 10 per second, plus the accepted response
        assertTrue(progressEvents <= seconds * 10 + 3, progressEvents + " progress events in " + seconds + " s");
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        TestFile file = server.addFile("/files/report.pdf", 30_000, 7);
        Files.writeString(folder.resolve("report.pdf"), "mine");

        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);

        assertEquals(folder.resolve("report (1).pdf"), done.file().orElseThrow());
        assertEquals("mine", Files.readString(folder.resolve("report.pdf")));
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void theSameUrlTwiceGivesTwoFiles() throws Exception {
        TestFile file = server.addFile("/files/twice.bin", 400_000, 8).throttle(2_000_000);

        Transfer first = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        Transfer second = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        Path one = fixture.awaitState(first.id(), TransferState.COMPLETED).file().orElseThrow();
        Path two = fixture.awaitState(second.id(), TransferState.COMPLETED).file().orElseThrow();

        assertEquals(List.of("twice (1).bin", "twice.bin"), list(folder));
        assertEquals(file.sha256(), sha256(one));
        assertEquals(file.sha256(), sha256(two));
    }

    @Test
    void aMatchingSha256Completes() throws Exception {
        TestFile file = server.addFile("/files/checked.bin", 100_000, 9);

        Transfer started = fixture.service().download(
                TransferRequest.of(server.uri(file.path()), folder).withExpectedSha256(file.sha256().toUpperCase()));

        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void aWrongSha256FailsAndTheFileNeverGetsItsName() throws Exception {
        TestFile file = server.addFile("/files/tampered.bin", 100_000, 10);
        String wrong = "0".repeat(64);

        Transfer started = fixture.service()
                .download(TransferRequest.of(server.uri(file.path()), folder).withExpectedSha256(wrong));

        Transfer failed = fixture.awaitState(started.id(), TransferState.FAILED);
        String reason = failed.failure().orElseThrow().message();
        assertTrue(reason.contains(file.sha256()) && reason.contains(wrong), reason);
        assertEquals(List.of(), list(folder));
        assertFalse(failed.file().isPresent());
    }

    @Test
    void theDestinationFolderIsCreated() throws Exception {
        TestFile file = server.addFile("/files/deep.bin", 10_000, 11);
        Path nested = folder.resolve("a").resolve("b");

        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), nested));

        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);
        assertEquals(nested.resolve("deep.bin"), done.file().orElseThrow());
        assertEquals(List.of(), partFiles(nested));
    }
}
