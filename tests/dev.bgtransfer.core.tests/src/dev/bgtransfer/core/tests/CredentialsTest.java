package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.PasswordAuthentication;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TestHosts;
import dev.bgtransfer.junit.TestHttpServer;

/** HTTP Basic: asked for, given, refused, and never sent to another origin. */
class CredentialsTest extends ServiceTest {
    private static final PasswordAuthentication ALICE = new PasswordAuthentication("alice", "s3cret!".toCharArray());

    @Test
    void aServerThatAsksGetsTheCredentialsOnceTheyAreGiven() throws Exception {
        TestFile file = server.addFile("/private/report.bin", 200_000, 131).requireBasicAuth("alice", "s3cret!");

        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        Transfer waiting = fixture.awaitState(started.id(), TransferState.FAILED);
        TransferFailure failure = waiting.failure().orElseThrow();
        assertEquals(TransferFailure.Kind.CREDENTIALS, failure.kind());
        assertEquals("127.0.0.1 asks for a user name and password.", failure.message());
        assertFalse(server.requests(file.path()).getFirst().header("Authorization").isPresent());

        fixture.service().authenticate(started.id(), ALICE);
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);

        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertEquals("Basic YWxpY2U6czNjcmV0IQ==",
                server.requests(file.path()).getLast().header("Authorization").orElseThrow());
        assertFalse(done.toString().contains("s3cret"));
    }

    @Test
    void digestIsAnsweredWithoutSendingThePassword() throws Exception {
        TestFile file = server.addFile("/private/digest.bin", 300_000, 134).requireDigestAuth("alice", "s3cret!");
        Transfer added = fixture.service().add(TransferRequest.of(server.uri(file.path()), folder));

        fixture.service().authenticate(added.id(), ALICE);
        Transfer done = fixture.awaitState(added.id(), TransferState.COMPLETED);

        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        List<RecordedRequest> requests = server.requests(file.path());
        assertEquals(2, requests.size(), "challenged once, then answered");
        assertFalse(requests.get(0).header("Authorization").isPresent(), "nothing before the server asks");
        String answer = requests.get(1).header("Authorization").orElseThrow();
        assertTrue(answer.startsWith("Digest username=\"alice\"") && answer.contains("algorithm=SHA-256"), answer);
        assertFalse(answer.contains("s3cret") || answer.contains("Basic"), answer);
    }

    @Test
    void aDigestResumeAnswersForItsOwnRange() throws Exception {
        TestFile file = server.addFile("/private/digest-resume.bin", 3_000_000, 135).requireDigestAuth("alice", "s3cret!")
                .throttle(1_000_000);
        Transfer added = fixture.service().add(TransferRequest.of(server.uri(file.path()), folder));
        fixture.service().authenticate(added.id(), ALICE);
        fixture.awaitBytes(added.id(), 300_000);
        fixture.service().pause(added.id());
        long kept = fixture.awaitState(added.id(), TransferState.PAUSED).bytesReceived();

        file.throttle(0);
        fixture.service().start(added.id());
        Transfer done = fixture.awaitState(added.id(), TransferState.COMPLETED);

        assertEquals(kept, server.requests(file.path()).getLast().rangeStart().orElseThrow());
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void wrongCredentialsFailWithAReason() {
        TestFile file = server.addFile("/private/other.bin", 1_000, 132).requireBasicAuth("alice", "another");
        Transfer added = fixture.service().add(TransferRequest.of(server.uri(file.path()), folder));

        fixture.service().authenticate(added.id(), ALICE);
        TransferFailure failure = fixture.awaitState(added.id(), TransferState.FAILED).failure().orElseThrow();

        assertEquals(TransferFailure.Kind.CREDENTIALS, failure.kind());
        assertEquals("127.0.0.1 did not accept the user name and password.", failure.message());
        assertEquals(2, server.requests(file.path()).size(), "asked, answered once, refused: not retried");
    }

    @Test
    void credentialsNeverFollowARedirectToAnotherOrigin() throws Exception {
        try (TestHttpServer elsewhere = TestHttpServer.start()) {
            TestFile file = elsewhere.addFile("/public/moved.bin", 50_000, 133);
            server.addRedirect("/private/moved.bin", 302, elsewhere.uri(file.path()).toString());
            Transfer added = fixture.service().add(TransferRequest.of(server.uri("/private/moved.bin"), folder));

            fixture.service().authenticate(added.id(), ALICE);
            Transfer done = fixture.awaitState(added.id(), TransferState.COMPLETED);

            assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
            assertFalse(server.requests("/private/moved.bin").getFirst().header("Authorization").isPresent(),
                    "never sent before the server asks");
            for (RecordedRequest request : elsewhere.requests()) {
                assertFalse(request.header("Authorization").isPresent(), "leaked to " + request);
                assertFalse(request.header("Cookie").isPresent(), "no cookies either");
            }
        }
    }

    @Test
    void credentialsNeverFollowARedirectToAnotherNameOfTheSameServer() throws Exception {
        TestHosts.requireNames();
        TestFile file = server.addFile("/private/named.bin", 60_000, 134).requireBasicAuth("alice", "s3cret!");
        TestFile moved = server.addFile("/private/moved.bin", 40_000, 135).requireBasicAuth("alice", "s3cret!");
        server.addRedirect("/private/moving.bin", 302, server.uri(TestHosts.OTHER_ORIGIN, moved.path()).toString());
        Transfer first = fixture.service().add(TransferRequest.of(server.uri(TestHosts.ORIGIN, file.path()), folder));
        Transfer second = fixture.service()
                .add(TransferRequest.of(server.uri(TestHosts.ORIGIN, "/private/moving.bin"), folder));

        fixture.service().authenticate(first.id(), ALICE);
        fixture.service().authenticate(second.id(), ALICE);

        assertEquals(file.sha256(), sha256(fixture.awaitState(first.id(), TransferState.COMPLETED).file().orElseThrow()));
        assertEquals("Basic YWxpY2U6czNjcmV0IQ==",
                server.requests(file.path()).getLast().header("Authorization").orElseThrow(), "its own origin, by name");
        TransferFailure failure = fixture.awaitState(second.id(), TransferState.FAILED).failure().orElseThrow();
        assertEquals(TransferFailure.Kind.CREDENTIALS, failure.kind());
        assertEquals(TestHosts.OTHER_ORIGIN + " asks for a user name and password.", failure.message());
        for (RecordedRequest atOtherName : server.requests(moved.path())) {
            assertEquals(TestHosts.OTHER_ORIGIN + ":" + server.port(), atOtherName.header("Host").orElseThrow());
            assertFalse(atOtherName.header("Authorization").isPresent(),
                    "the same address and port under another name is another origin");
        }
    }
}
