package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.list;
import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TestHttpServer;
import dev.bgtransfer.junit.TransferFixture;

/** Redirects, error statuses and bad requests end in states and sentences a person can act on. */
class FailureTest extends ServiceTest {
    private Transfer failedDownloadOf(String path) {
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(path), folder));
        return fixture.awaitState(started.id(), TransferState.FAILED);
    }

    @Test
    void redirectsAreFollowedAndTheFinalNameIsUsed() throws Exception {
        TestFile file = server.addFile("/new/place/moved.bin", 100_000, 41);
        server.addRedirect("/old.bin", 301, "/hop");
        server.addRedirect("/hop", 302, server.uri("/new/place/moved.bin").toString());

        Transfer started = fixture.service().download(TransferRequest.of(server.uri("/old.bin"), folder));
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);

        assertEquals(folder.resolve("moved.bin"), done.file().orElseThrow());
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void aRedirectLoopFailsWithAReason() {
        server.addRedirect("/a", 302, "/b");
        server.addRedirect("/b", 307, "/a");

        TransferFailure failure = failedDownloadOf("/a").failure().orElseThrow();

        assertEquals(TransferFailure.Kind.REDIRECT, failure.kind());
        assertTrue(failure.message().contains("loop"), failure.message());
        assertTrue(server.requests().size() <= 3, "stops at the first repeat: " + server.requests().size());
    }

    @Test
    void tooManyRedirectsFail() {
        for (int i = 0; i < 15; i++) {
            server.addRedirect("/r" + i, 302, "/r" + (i + 1));
        }

        TransferFailure failure = failedDownloadOf("/r0").failure().orElseThrow();

        assertEquals(TransferFailure.Kind.REDIRECT, failure.kind());
        assertTrue(failure.message().contains("10 redirects"), failure.message());
    }

    @Test
    void notFoundFailsWithTheStatus() throws Exception {
        server.addStatus("/missing.bin", 404);

        Transfer failed = failedDownloadOf("/missing.bin");

        TransferFailure failure = failed.failure().orElseThrow();
        assertEquals(TransferFailure.Kind.HTTP_STATUS, failure.kind());
        assertEquals("The server answered 404 Not Found for " + server.uri("/missing.bin") + ".", failure.message());
        assertEquals(List.of(), list(folder));
        assertEquals(1, server.requests("/missing.bin").size(), "a 404 is not retried");
        TransferEvent.Failed event = fixture.awaitEvent(TransferEvent.Failed.class,
                failedEvent -> failedEvent.transfer().id() == failed.id());
        assertEquals(failure, event.transfer().failure().orElseThrow());
        TransferEvent.AllFinished all = fixture.awaitEvent(TransferEvent.AllFinished.class, allEvent -> true);
        assertEquals(List.of(failed.id()), all.failed().stream().map(Transfer::id).toList());
    }

    @Test
    void aServerErrorFailsWithTheStatus() throws Exception {
        server.addStatus("/broken.bin", 500);

        TransferFailure failure = failedDownloadOf("/broken.bin").failure().orElseThrow();

        assertTrue(failure.message().startsWith("The server answered 500 Internal Server Error"), failure.message());
        assertEquals(List.of(), list(folder));
        assertEquals(1 + TransferFixture.OPTIONS.maxRetries(), server.requests("/broken.bin").size(),
                "a server error is retried within the budget");
    }

    @Test
    void aRefusedConnectionFailsWithTheHost() throws Exception {
        int closedPort;
        try (TestHttpServer gone = TestHttpServer.start()) {
            closedPort = gone.port();
        }
        Transfer started = fixture.service()
                .download(TransferRequest.of(URI.create("http://127.0.0.1:" + closedPort + "/x.bin"), folder));

        TransferFailure failure = fixture.awaitState(started.id(), TransferState.FAILED).failure().orElseThrow();

        assertEquals(TransferFailure.Kind.NETWORK, failure.kind());
        assertEquals("127.0.0.1 refused the connection.", failure.message());
    }

    @Test
    void aStalledServerFailsAfterTheStallTimeoutAndKeepsTheBytes() throws Exception {
        fixture.service().setOptions(fixture.service().options().withStallTimeout(Duration.ofSeconds(1)));
        TestFile file = server.addFile("/files/stalling.bin", 100_000, 43).throttle(100);

        Transfer failed = failedDownloadOf(file.path());

        TransferFailure failure = failed.failure().orElseThrow();
        assertEquals(TransferFailure.Kind.NETWORK, failure.kind());
        assertEquals("127.0.0.1 sent no data for 1 s.", failure.message());
        assertTrue(failed.bytesReceived() > 0, "the bytes before the stall are kept: " + failed);
        assertEquals(1, TransferFixture.partFiles(folder).size());
    }

    @Test
    void aFolderPathTooLongForTheSystemFailsReadably() throws Exception {
        TestFile file = server.addFile("/files/deep.bin", 1_000, 123);
        Path deep = folder;
        while (deep.toString().length() < 4_200) {
            deep = deep.resolve("a-very-long-folder-name-".repeat(8));
        }

        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), deep));
        TransferFailure failure = fixture.awaitState(started.id(), TransferState.FAILED).failure().orElseThrow();

        assertEquals(TransferFailure.Kind.DISK, failure.kind());
        assertTrue(failure.message().startsWith("Cannot write "), failure.message());
        assertEquals(0, server.requests(file.path()).size(), "nothing is fetched that could not be kept");
    }

    @Test
    void aFailedTransferCanBeRetried() throws Exception {
        server.addStatus("/later.bin", 503);
        Transfer failed = failedDownloadOf("/later.bin");

        server.remove("/later.bin");
        TestFile file = server.addFile("/later.bin", 50_000, 42);
        fixture.service().start(failed.id());

        Transfer done = fixture.awaitState(failed.id(), TransferState.COMPLETED);
        assertFalse(done.failure().isPresent());
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void badRequestsAreRefusedWithAClearMessage() {
        IllegalArgumentException ftp = assertThrows(IllegalArgumentException.class,
                () -> TransferRequest.of(URI.create("ftp://example.org/file"), folder));
        assertTrue(ftp.getMessage().startsWith("Only http and https URLs"), ftp.getMessage());
        IllegalArgumentException credentials = assertThrows(IllegalArgumentException.class,
                () -> TransferRequest.of(URI.create("http://user:secret@example.org/file"), folder));
        assertFalse(credentials.getMessage().contains("secret"), credentials.getMessage());
        IllegalArgumentException sha = assertThrows(IllegalArgumentException.class,
                () -> TransferRequest.of(URI.create("http://example.org/file"), folder).withExpectedSha256("abc"));
        assertTrue(sha.getMessage().contains("64 hexadecimal digits"), sha.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> fixture.service().start(987_654_321L));
        assertTrue(unknown.getMessage().contains("987654321"), unknown.getMessage());
    }
}
