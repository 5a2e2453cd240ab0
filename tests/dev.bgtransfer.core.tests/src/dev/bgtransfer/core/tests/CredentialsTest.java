package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.PasswordAuthentication;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
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
    void wrongCredentialsFailWithAReason() {
        TestFile file = server.addFile("/private/other.bin", 1_000, 132).requireBasicAuth("alice", "another");
        Transfer added = fixture.service().add(TransferRequest.of(server.uri(file.path()), folder));

        fixture.service().authenticate(added.id(), ALICE);
        TransferFailure failure = fixture.awaitState(added.id(), TransferState.FAILED).failure().orElseThrow();

        assertEquals(TransferFailure.Kind.CREDENTIALS, failure.kind());
        assertEquals("127.0.0.1 did not accept the user name and password.", failure.message());
        assertEquals(1, server.requests(file.path()).size(), "a refusal is not retried");
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
            assertTrue(server.requests("/private/moved.bin").getFirst().header("Authorization").isPresent(),
                    "sent to the origin it was given for");
            for (RecordedRequest request : elsewhere.requests()) {
                assertFalse(request.header("Authorization").isPresent(), "leaked to " + request);
                assertFalse(request.header("Cookie").isPresent(), "no cookies either");
            }
        }
    }
}
