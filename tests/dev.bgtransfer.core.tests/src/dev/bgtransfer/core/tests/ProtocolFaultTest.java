package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.list;
import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.RawHttpServer;
import dev.bgtransfer.junit.ServiceTest;

/** Answers that break HTTP end in a readable failure and leave no file under a final name. */
class ProtocolFaultTest extends ServiceTest {
    private static final byte[] BODY = "0123456789".repeat(100).getBytes(StandardCharsets.US_ASCII);

    private Transfer download(RawHttpServer raw) {
        return fixture.service().download(TransferRequest.of(raw.uri("/file.bin"), folder));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Content-Length: -5", "Content-Length: abc", "Content-Length: 1000\nContent-Length: 12" })
    void bogusLengthsAreRejected(String lengthHeaders) throws Exception {
        try (RawHttpServer raw = RawHttpServer.start((number, head, out) -> out
                .write(RawHttpServer.response("HTTP/1.1 200 OK\n" + lengthHeaders + "\nConnection: close", BODY)))) {
            Transfer failed = fixture.awaitState(download(raw).id(), TransferState.FAILED);

            TransferFailure failure = failed.failure().orElseThrow();
            assertEquals(TransferFailure.Kind.PROTOCOL, failure.kind());
            assertTrue(failure.message().startsWith("The answer from 127.0.0.1 breaks the HTTP protocol:"),
                    failure.message());
            assertEquals(1, raw.requestHeads().size(), "a broken protocol is not retried");
            assertEquals(List.of(), list(folder));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 500 })
    void overLongHeadersAreRefused(int lines) throws Exception {
        String header = lines == 1 ? "X-Huge: " + "a".repeat(100_000) : "X-Many: b\n".repeat(lines).strip();
        try (RawHttpServer raw = RawHttpServer.start((number, head, out) -> out.write(RawHttpServer
                .response("HTTP/1.1 200 OK\n" + header + "\nContent-Length: 1000", BODY)))) {
            TransferFailure failure = fixture.awaitState(download(raw).id(), TransferState.FAILED).failure()
                    .orElseThrow();

            assertEquals(TransferFailure.Kind.PROTOCOL, failure.kind());
            assertTrue(failure.message().length() < 300, "a sentence, not the header: " + failure.message());
            assertEquals(List.of(), list(folder));
        }
    }

    @Test
    void aPartialAnswerThatWasNotAskedForIsRejected() throws Exception {
        try (RawHttpServer raw = RawHttpServer.start((number, head, out) -> out.write(RawHttpServer.response(
                "HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-999/1000\nContent-Length: 1000", BODY)))) {
            TransferFailure failure = fixture.awaitState(download(raw).id(), TransferState.FAILED).failure()
                    .orElseThrow();

            assertEquals(TransferFailure.Kind.PROTOCOL, failure.kind());
            assertEquals(List.of(), list(folder));
        }
    }

    /** The first answer is cut short; the retry asks for the rest and gets a range that does not fit. */
    @ParameterizedTest
    @ValueSource(strings = { "bytes 0-999/1000", "bytes 400-999/1000", "bytes abc", "" })
    void aRangeThatDoesNotFitIsRejectedNeverSpliced(String contentRange) throws Exception {
        try (RawHttpServer raw = RawHttpServer.start((number, head, out) -> {
            if (number == 1) {
                out.write(RawHttpServer.response("HTTP/1.1 200 OK\nContent-Length: 1000\nETag: \"v1\"",
                        Arrays.copyOf(BODY, 500)));
            } else {
                String header = contentRange.isEmpty() ? "" : "\nContent-Range: " + contentRange;
                out.write(RawHttpServer.response("HTTP/1.1 206 Partial Content\nETag: \"v1\"" + header
                        + "\nContent-Length: 500", Arrays.copyOfRange(BODY, 500, 1000)));
            }
        })) {
            Transfer failed = fixture.awaitState(download(raw).id(), TransferState.FAILED);

            assertTrue(raw.requestHeads().get(1).contains("Range: bytes=500-"), raw.requestHeads().get(1));
            TransferFailure failure = failed.failure().orElseThrow();
            assertEquals(TransferFailure.Kind.PROTOCOL, failure.kind());
            assertTrue(failure.message().startsWith("The server sent a partial answer that does not fit"),
                    failure.message());
            assertEquals(500, failed.bytesReceived(), "the good bytes stay for a later resume");
        }
    }

    /**
     * Asked for identity, a server may still send an encoded entity: its bytes are kept as sent
     * (what browsers do for a .gz file), so range offsets always count the same bytes.
     */
    @Test
    void anEncodedEntityIsKeptAsSentAndIdentityWasAsked() throws Exception {
        try (RawHttpServer raw = RawHttpServer.start((number, head, out) -> out.write(RawHttpServer.response(
                "HTTP/1.1 200 OK\nContent-Encoding: gzip\nContent-Length: " + BODY.length, BODY)))) {
            Transfer done = fixture.awaitState(download(raw).id(), TransferState.COMPLETED);

            assertTrue(raw.requestHeads().getFirst().contains("Accept-Encoding: identity"), raw.requestHeads().getFirst());
            assertEquals(new String(BODY, StandardCharsets.US_ASCII),
                    java.nio.file.Files.readString(done.file().orElseThrow(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aCloseDelimitedBodyCompletesWithUnknownSize() throws Exception {
        try (RawHttpServer raw = RawHttpServer.start((number, head, out) -> out
                .write(RawHttpServer.response("HTTP/1.1 200 OK\nConnection: close", BODY)))) {
            Transfer done = fixture.awaitState(download(raw).id(), TransferState.COMPLETED);

            assertEquals(BODY.length, done.bytesReceived());
            assertEquals(sha256(done.file().orElseThrow()), done.sha256().orElseThrow());
            assertEquals(new String(BODY, StandardCharsets.US_ASCII),
                    java.nio.file.Files.readString(done.file().orElseThrow(), StandardCharsets.US_ASCII));
        }
    }
}
