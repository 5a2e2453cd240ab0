package dev.bgtransfer.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.bgtransfer.junit.TransferFixture.sha256;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.PasswordAuthentication;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;

import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferKind;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.UploadRequest;
import dev.bgtransfer.junit.EventStory;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TransferFixture;
import dev.bgtransfer.junit.UploadEndpoint;

/**
 * Upload tasks through the real service, as a plug-in runs them in a session of its own, against
 * the test server's resumable and plain upload endpoints: what the server stored is compared with
 * the file, byte for byte by SHA-256, and what it was asked is read from its request log.
 */
class UploadTest extends ServiceTest {
    private static final int MIB = 1024 * 1024;

    private TransferSession session;

    @BeforeEach
    void openSession() {
        session = fixture.service().session("test.uploads",
                SessionConfiguration.of(SessionKind.DEFAULT).withOptions(TransferFixture.OPTIONS));
    }

    @AfterEach
    void invalidateSession() {
        session.invalidate();
    }

    @Test
    void aFiftyMegabyteUploadWithTwoDropsCompletesFromTheServersOffsets() throws Exception {
        Path source = sourceFile("big.bin", 50 * MIB, 1);
        UploadEndpoint endpoint = server.addResumableUpload("/up");
        endpoint.dropAfter(15 * MIB, 2);

        Transfer added = session.upload(UploadRequest.of(source, server.uri("/up")));
        Transfer done = fixture.awaitState(added.id(), TransferState.COMPLETED);

        String expected = sha256(source);
        assertEquals(expected, endpoint.sha256(), "the server holds exactly the file's bytes");
        assertEquals(Files.size(source), endpoint.bytesReceived(), "no byte the server read was sent twice");
        assertEquals(List.of("PUT", "HEAD", "PATCH", "HEAD", "PATCH"), methods("/up"));
        List<RecordedRequest> patches = server.requests().stream().filter(r -> r.method().equals("PATCH")).toList();
        assertEquals(List.of(Long.toString(15L * MIB), Long.toString(30L * MIB)),
                patches.stream().map(patch -> patch.headers().get("upload-offset")).toList(),
                "each resumption from the offset the server reported");
        assertEquals(TransferKind.UPLOAD, done.kind());
        assertEquals(expected, done.sha256().orElseThrow());
        assertEquals(Files.size(source), done.bytesReceived());
        assertEquals(source, done.file().orElseThrow());
        assertEquals(expected, sha256(source), "the file itself is untouched");
        List<List<String>> told = fixture.service().timeline(added.id()).stream()
                .filter(entry -> entry.kind() == TimelineEntry.Kind.REQUEST || entry.kind() == TimelineEntry.Kind.RESPONSE)
                .map(entry -> Stream.of(entry.facts().get("method"), entry.facts().get("upload-offset"))
                        .filter(Objects::nonNull).toList())
                .filter(facts -> !facts.isEmpty()).toList();
        String first = Long.toString(15L * MIB);
        String second = Long.toString(30L * MIB);
        assertEquals(List.of(List.of("PUT"), List.of("HEAD"), List.of(first), List.of("PATCH", first), List.of("HEAD"),
                List.of(second), List.of("PATCH", second)), told, "the requests, and the offsets the server reported");
    }

    @Test
    void aPausedUploadResumesFromTheServersOffset() throws Exception {
        Path source = sourceFile("paused.bin", 20 * MIB, 2);
        UploadEndpoint endpoint = server.addResumableUpload("/up");
        Transfer added = uploadStalledAfterOneMebibyte(source, endpoint);
        pause(added);
        assertNotNull(endpoint.resource(), "a pause keeps the upload at the server");
        endpoint.stallAfter(-1);
        fixture.service().start(added.id());
        fixture.awaitState(added.id(), TransferState.COMPLETED);

        assertEquals(sha256(source), endpoint.sha256());
        assertEquals(Files.size(source), endpoint.bytesReceived(), "no byte the server read was sent twice");
        assertEquals(List.of("PUT", "HEAD", "PATCH"), methods("/up"));
        assertEquals(0, endpoint.deletes());
    }

    @Test
    void aStopAsksTheServerToForgetTheUpload() throws Exception {
        Path source = sourceFile("stopped.bin", 20 * MIB, 3);
        UploadEndpoint endpoint = server.addResumableUpload("/up");
        Transfer added = uploadStalledAfterOneMebibyte(source, endpoint);
        fixture.service().stop(added.id());
        Transfer stopped = fixture.awaitState(added.id(), TransferState.CANCELLED);

        TransferFixture.awaitTrue("the server heard DELETE", () -> endpoint.deletes() == 1);
        assertNull(endpoint.resource());
        assertEquals(0, stopped.bytesReceived());
        assertTrue(Files.exists(source), "a stop never deletes the file being uploaded");
    }

    @Test
    void aStopOfAPausedUploadAlsoAsksTheServerToForgetIt() throws Exception {
        Path source = sourceFile("paused-stopped.bin", 20 * MIB, 4);
        UploadEndpoint endpoint = server.addResumableUpload("/up");
        Transfer added = uploadStalledAfterOneMebibyte(source, endpoint);
        pause(added);

        fixture.service().stop(added.id());

        fixture.awaitState(added.id(), TransferState.CANCELLED);
        TransferFixture.awaitTrue("the server heard DELETE", () -> endpoint.deletes() == 1);
    }

    @Test
    void aPauseWhileTheFileIsBeingHashedDoesNotWaitForTheHash() throws Exception {
        // 16 GiB of a sparse file: hashing it takes 10 to 50 s here, far longer than a pause may
        Path source = folder.resolve("huge-sparse.bin");
        try (RandomAccessFile file = new RandomAccessFile(source.toFile(), "rw")) {
            file.setLength(16L * 1024 * MIB);
        }
        server.addResumableUpload("/up");
        Transfer added = session.upload(UploadRequest.of(source, server.uri("/up")));
        TransferService.JobFamily job = new TransferService.JobFamily(added.id());
        // its Job running, not only scheduled (cancelling a Job that has not run is no test): it hashes first
        TransferFixture.awaitTrue("the upload's Job runs", () -> Arrays.stream(Job.getJobManager().find(job))
                .anyMatch(running -> running.getState() == Job.RUNNING));
        Thread.sleep(200);

        long asked = System.nanoTime();
        pause(added);
        // the Job, not only the state: a Job that went on hashing would still be found
        while (Job.getJobManager().find(job).length > 0 && System.nanoTime() - asked < 5_000_000_000L) {
            Thread.sleep(10);
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - asked);

        assertEquals(0, Job.getJobManager().find(job).length, "the Job ended, its hashing cut short");
        assertTrue(waited.compareTo(Duration.ofSeconds(3)) < 0, "the pause and the end of the Job took " + waited);
        assertEquals(List.of(), methods("/up"), "paused while hashing: nothing was sent");
    }

    @Test
    void aFileChangedDuringAPauseFailsTheUploadWithASentence() throws Exception {
        Path source = sourceFile("changing.bin", 20 * MIB, 5);
        UploadEndpoint endpoint = server.addResumableUpload("/up");
        Transfer added = uploadStalledAfterOneMebibyte(source, endpoint);
        pause(added);
        try (var channel = Files.newByteChannel(source, StandardOpenOption.WRITE)) {
            channel.position(5 * MIB).write(ByteBuffer.wrap(new byte[] { 1, 2, 3 }));
        }
        Files.setLastModifiedTime(source, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        endpoint.stallAfter(-1);

        fixture.service().start(added.id());
        Transfer failed = fixture.awaitState(added.id(), TransferState.FAILED);

        String message = failed.failure().orElseThrow().message();
        assertTrue(message.contains(source.toString()) && message.contains("changed"), message);
        assertFalse(endpoint.isComplete(), "none of the changed file completed the upload");
    }

    @Test
    void aFailedUploadStartedAgainSendsTheFileAsItIsThen() throws Exception {
        Path source = sourceFile("again.bin", 4 * MIB, 6);
        UploadEndpoint endpoint = server.addResumableUpload("/up");
        Transfer added = uploadStalledAfterOneMebibyte(source, endpoint);
        pause(added);
        Files.write(source, new byte[3 * MIB]);
        endpoint.stallAfter(-1);
        fixture.service().start(added.id());
        fixture.awaitState(added.id(), TransferState.FAILED);

        fixture.service().start(added.id());
        Transfer done = fixture.awaitState(added.id(), TransferState.COMPLETED);

        assertEquals(sha256(source), endpoint.sha256());
        assertEquals(sha256(source), done.sha256().orElseThrow());
        assertEquals(3L * MIB, done.totalBytes());
    }

    @Test
    void aServerThatStopsReadingIsLeftAfterTheStallTimeoutAndAskedForItsOffset() throws Exception {
        TransferSession impatient = fixture.service().session("test.impatient", SessionConfiguration
                .of(SessionKind.DEFAULT).withOptions(TransferFixture.OPTIONS.withStallTimeout(Duration.ofSeconds(1))));
        Path source = sourceFile("stalling.bin", 20 * MIB, 17);
        UploadEndpoint endpoint = server.addResumableUpload("/up");
        endpoint.stallAfter(MIB);
        try {
            Transfer added = impatient.upload(UploadRequest.of(source, server.uri("/up")));
            Transfer failed = fixture.awaitState(added.id(), TransferState.FAILED);

            assertEquals("127.0.0.1 took none of the upload for 1 s.", failed.failure().orElseThrow().message());
            assertEquals(List.of("PUT", "HEAD", "PATCH", "HEAD", "PATCH"), methods("/up"),
                    "each stall retried from the server's offset, within the retry budget");
            assertTrue(endpoint.storedBytes() >= 3 * MIB, "every request's first MiB is kept");
        } finally {
            impatient.invalidate();
        }
    }

    @Test
    void anUploadAskedToSignInFailsForCredentialsAndGoesOnWithThem() throws Exception {
        Path source = sourceFile("private.bin", 3 * MIB, 18);
        UploadEndpoint endpoint = server.addResumableUpload("/private");
        endpoint.requireBasicAuth("alice", "s3cret!");
        endpoint.dropAfter(MIB, 1);

        Transfer added = session.upload(UploadRequest.of(source, server.uri("/private")));
        Transfer refused = fixture.awaitState(added.id(), TransferState.FAILED);
        assertEquals(TransferFailure.Kind.CREDENTIALS, refused.failure().orElseThrow().kind());
        fixture.service().authenticate(added.id(), new PasswordAuthentication("alice", "s3cret!".toCharArray()));
        fixture.awaitState(added.id(), TransferState.COMPLETED);

        assertEquals(sha256(source), endpoint.sha256());
        assertEquals(Files.size(source), endpoint.bytesReceived(), "no body went with a refused request");
        assertEquals(List.of("PUT", "PUT", "PUT", "HEAD", "PATCH"), methods("/private"),
                "refused, asked again with the credentials, answered, then resumed signed in at once");
        assertTrue(server.requests().stream().filter(request -> !request.method().equals("PUT"))
                .allMatch(request -> request.headers().containsKey("authorization")));
    }

    @Test
    void anUploadAddedThenGivenCredentialsSignsInWhenAsked() throws Exception {
        Path source = sourceFile("signed.bin", MIB, 20);
        UploadEndpoint endpoint = server.addResumableUpload("/private");
        endpoint.requireBasicAuth("alice", "s3cret!");

        Transfer added = session.add(UploadRequest.of(source, server.uri("/private")));
        TransferFixture.sleep(200);
        assertEquals(List.of(), server.requests(), "added, not started");
        fixture.service().authenticate(added.id(), new PasswordAuthentication("alice", "s3cret!".toCharArray()));
        fixture.awaitState(added.id(), TransferState.COMPLETED);

        assertEquals(TransferState.CANCELLED, added.state());
        assertEquals(sha256(source), endpoint.sha256());
        assertEquals(List.of("PUT", "PUT"), methods("/private"), "asked once, then answered");
    }

    @Test
    void theUploadsOfTwoSessionsTogetherKeepTheServicesPerHostLimit() throws Exception {
        TransferSession other = fixture.service().session("test.other-uploads",
                SessionConfiguration.of(SessionKind.DEFAULT).withOptions(TransferFixture.OPTIONS));
        try {
            List<UploadEndpoint> endpoints = new ArrayList<>();
            List<Transfer> uploads = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                UploadEndpoint endpoint = server.addResumableUpload("/slot" + i);
                endpoint.readAt(MIB);
                endpoints.add(endpoint);
                Path source = sourceFile("slot" + i + ".bin", 4 * MIB, 100 + i);
                uploads.add((i % 2 == 0 ? session : other).upload(UploadRequest.of(source, server.uri("/slot" + i))));
            }
            TransferFixture.awaitTrue("five uploads under way",
                    () -> endpoints.stream().filter(endpoint -> endpoint.storedBytes() > 0).count() == 5);
            assertEquals(0, endpoints.get(5).storedBytes(), "the sixth waits for a connection");
            assertEquals(TransferState.QUEUED, fixture.service().get(uploads.get(5).id()).orElseThrow().state());

            for (Transfer upload : uploads) {
                fixture.awaitState(upload.id(), TransferState.COMPLETED);
            }
            assertTrue(server.peakConcurrentRequests() <= 5, "peak " + server.peakConcurrentRequests());
        } finally {
            other.invalidate();
        }
    }

    @Test
    void aServiceUnavailableIsRetriedWithinTheBudget() throws Exception {
        Path source = sourceFile("busy.bin", MIB, 19);
        UploadEndpoint endpoint = server.addResumableUpload("/busy");
        server.failNext("/busy", 503, 2);

        Transfer added = session.upload(UploadRequest.of(source, server.uri("/busy")));
        fixture.awaitState(added.id(), TransferState.COMPLETED);

        assertEquals(sha256(source), endpoint.sha256());
        assertEquals(List.of("PUT", "PUT", "PUT"), methods("/busy"));
        assertEquals(Files.size(source), endpoint.bytesReceived(), "the refusals came before the body");
    }

    @Test
    void aServerWithoutResumptionGetsTheWholeFileAgain() throws Exception {
        Path source = sourceFile("plain.bin", 5 * MIB, 7);
        UploadEndpoint endpoint = server.addPlainUpload("/plain");
        endpoint.dropAfter(MIB, 1);

        Transfer added = session.upload(UploadRequest.of(source, server.uri("/plain")).withMethod("post"));
        fixture.awaitState(added.id(), TransferState.COMPLETED);

        assertEquals(sha256(source), endpoint.sha256());
        assertEquals(Files.size(source) + MIB, endpoint.bytesReceived(), "restarted from zero");
        assertEquals(List.of("POST", "POST"), methods("/plain"));
    }

    @Test
    void anUploadNotOfferedResumptionIsOnePlainRequest() throws Exception {
        Path source = sourceFile("not-offered.bin", MIB, 8);
        UploadEndpoint endpoint = server.addResumableUpload("/up");

        Transfer added = session.upload(UploadRequest.of(source, server.uri("/up")).withResumable(false));
        fixture.awaitState(added.id(), TransferState.COMPLETED);

        assertEquals(sha256(source), endpoint.sha256());
        RecordedRequest put = server.requests("/up").getFirst();
        assertFalse(put.headers().containsKey("upload-complete"), put.headers().toString());
        assertNull(endpoint.resource());
    }

    @Test
    void aTooLargeUploadFailsWithTheServersLimit() throws Exception {
        Path source = sourceFile("large.bin", 2 * MIB, 9);
        UploadEndpoint endpoint = server.addResumableUpload("/up");
        endpoint.refuseAbove(MIB);

        Transfer added = session.upload(UploadRequest.of(source, server.uri("/up")));
        Transfer failed = fixture.awaitState(added.id(), TransferState.FAILED);

        String message = failed.failure().orElseThrow().message();
        assertTrue(message.contains("too large") && message.contains(Long.toString(MIB)), message);
        assertEquals(0, endpoint.bytesReceived(), "refused before the body");
    }

    @Test
    void aSameOriginTemporaryRedirectTakesTheMethodAndTheFile() throws Exception {
        Path source = sourceFile("moved.bin", 2 * MIB, 10);
        UploadEndpoint endpoint = server.addResumableUpload("/up");
        server.addRedirect("/old", 307, "/up");

        Transfer added = session.upload(UploadRequest.of(source, server.uri("/old")).withMethod("POST"));
        fixture.awaitState(added.id(), TransferState.COMPLETED);

        assertEquals(sha256(source), endpoint.sha256());
        assertEquals(List.of("POST"), methods("/up"));
    }

    @Test
    void aRedirectThatWouldTurnTheUploadIntoAGetFailsIt() throws Exception {
        Path source = sourceFile("see-other.bin", MIB, 11);
        server.addResumableUpload("/up");
        server.addRedirect("/old", 303, "/up");

        Transfer added = session.upload(UploadRequest.of(source, server.uri("/old")));
        Transfer failed = fixture.awaitState(added.id(), TransferState.FAILED);

        assertTrue(failed.failure().orElseThrow().message().contains("GET"), failed.failure().toString());
        assertEquals(List.of(), methods("/up"));
    }

    @Test
    void aRedirectToAnotherOriginDoesNotGetTheFile() throws Exception {
        Path source = sourceFile("elsewhere.bin", MIB, 12);
        server.addResumableUpload("/up");
        server.addRedirect("/old", 308, server.uri("localhost", "/up").toString());

        Transfer added = session.upload(UploadRequest.of(source, server.uri("/old")));
        Transfer failed = fixture.awaitState(added.id(), TransferState.FAILED);

        assertTrue(failed.failure().orElseThrow().message().contains("another server"), failed.failure().toString());
        assertEquals(List.of(), methods("/up"));
    }

    @Test
    void aMissingOrUnreadableFileIsRefusedWithASentenceAndNothingIsAdded() throws Exception {
        Path missing = folder.resolve("missing.bin");

        IllegalArgumentException noFile = assertThrows(IllegalArgumentException.class,
                () -> session.upload(UploadRequest.of(missing, server.uri("/up"))));
        IllegalArgumentException directory = assertThrows(IllegalArgumentException.class,
                () -> session.upload(UploadRequest.of(folder, server.uri("/up"))));
        IllegalArgumentException method = assertThrows(IllegalArgumentException.class,
                () -> UploadRequest.of(sourceFile("m.bin", 10, 13), server.uri("/up")).withMethod("DELETE"));

        assertEquals("There is no file " + missing + " to upload.", noFile.getMessage());
        assertEquals(folder + " is not a file; only a file can be uploaded.", directory.getMessage());
        assertEquals("An upload is sent with PUT or POST, not DELETE.", method.getMessage());
        assertEquals(List.of(), session.transfers());
        assertEquals(List.of(), server.requests());
    }

    @Test
    void theSessionsResetAndRemoveNeverDeleteTheFileUploaded() throws Exception {
        Path first = sourceFile("kept-1.bin", MIB, 14);
        Path second = sourceFile("kept-2.bin", MIB, 15);
        server.addResumableUpload("/one");
        server.addResumableUpload("/two");
        Transfer removed = session.upload(UploadRequest.of(first, server.uri("/one")));
        Transfer reset = session.upload(UploadRequest.of(second, server.uri("/two")));
        fixture.awaitState(removed.id(), TransferState.COMPLETED);
        fixture.awaitState(reset.id(), TransferState.COMPLETED);
        String firstSha = sha256(first);
        String secondSha = sha256(second);

        fixture.service().remove(removed.id(), true);
        session.reset();

        assertEquals(firstSha, sha256(first));
        assertEquals(secondSha, sha256(second));
        assertEquals(List.of(), session.transfers());
    }

    @Test
    void anUploadsEventsTellTheStoryADownloadsDoAndItsJobIsFoundFromItsId() throws Exception {
        Path source = sourceFile("story.bin", 12 * MIB, 16);
        UploadEndpoint endpoint = server.addResumableUpload("/up");
        endpoint.readAt(8 * MIB); // more than a socket's buffers hold, over a second and a half

        Transfer added = session.upload(UploadRequest.of(source, server.uri("/up")));
        TransferFixture.awaitTrue("the server holds 1 MiB", () -> endpoint.storedBytes() >= MIB);
        Job[] jobs = Job.getJobManager().find(new TransferService.JobFamily(added.id()));
        assertEquals(1, jobs.length);
        assertTrue(jobs[0].getName().contains("story.bin"), jobs[0].getName());
        fixture.awaitState(added.id(), TransferState.COMPLETED);
        TransferFixture.awaitTrue("all finished", () -> !fixture.events(TransferEvent.AllFinished.class).isEmpty());

        assertEquals(TransferState.QUEUED, added.state(), "as the Javadoc says");
        List<TransferEvent> heard = fixture.events().stream()
                .filter(event -> !(event instanceof TransferEvent.AllFinished)).toList();
        assertEquals(TransferState.QUEUED, ((TransferEvent.Added) heard.getFirst()).transfer().state());
        List<String> changes = heard.stream().filter(TransferEvent.StateChanged.class::isInstance)
                .map(TransferEvent.StateChanged.class::cast)
                .map(change -> change.previous() + "->" + change.transfer().state()).toList();
        assertEquals(List.of("QUEUED->RUNNING", "RUNNING->COMPLETED"), changes);
        assertTrue(heard.stream().anyMatch(event -> event instanceof TransferEvent.Progress progress
                && progress.transfer().bytesReceived() > 0), "progress in bytes sent");
        assertTrue(heard.stream().allMatch(event -> event.session().equals("test.uploads")));
        EventStory.assertConsistent(fixture.events());
        TransferEvent.AllFinished finished = fixture.events(TransferEvent.AllFinished.class).getFirst();
        assertEquals("test.uploads", finished.session());
        assertEquals(List.of(added.id()), finished.completed().stream().map(Transfer::id).toList());
    }

    /** @return an upload of {@code source} to {@code endpoint} at /up, once the server holds 1 MiB and reads no more */
    private Transfer uploadStalledAfterOneMebibyte(Path source, UploadEndpoint endpoint) {
        endpoint.stallAfter(MIB);
        Transfer added = session.upload(UploadRequest.of(source, server.uri("/up")));
        TransferFixture.awaitTrue("the server holds 1 MiB", () -> endpoint.storedBytes() >= MIB);
        return added;
    }

    private void pause(Transfer transfer) {
        fixture.service().pause(transfer.id());
        fixture.awaitState(transfer.id(), TransferState.PAUSED);
    }

    private List<String> methods(String path) {
        return server.requests().stream().filter(request -> request.path().startsWith(path))
                .map(RecordedRequest::method).toList();
    }

    private Path sourceFile(String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(folder.resolve(name), bytes);
    }
}
