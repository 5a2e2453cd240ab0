package dev.bgtransfer.cli.internal;

import static dev.bgtransfer.junit.TransferFixture.TIMEOUT;
import static dev.bgtransfer.junit.TransferFixture.awaitTrue;
import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.bgtransfer.cli.internal.InProcessCli.Result;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferKind;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.UploadEndpoint;

/**
 * A {@code put} given up midway (its client went away, as Ctrl+C on a command handed to
 * {@code serve}) is paused, and {@code resume} or the same {@code put} continues it from the offset
 * the server reports.
 */
class UploadContinuedTest extends CommandLineTest {
    private static final int SIZE = 1_000_000;

    private UploadEndpoint endpoint;
    private Path file;
    private URI url;

    @ParameterizedTest
    @ValueSource(strings = { "resume", "put" })
    void continuesFromTheServersOffset(String how) throws Exception {
        Transfer paused = putGivenUpMidway();
        long held = endpoint.storedBytes();

        Result continued = how.equals("resume") ? cli.run("resume", "--quiet")
                : cli.run("put", "--quiet", file.toString(), url.toString());

        assertEquals(0, continued.status(), continued.err());
        assertEquals(url + "\t" + SIZE + "\t" + sha256(file) + "\n", continued.out());
        assertEquals(sha256(file), endpoint.sha256());
        assertEquals(SIZE, endpoint.bytesReceived(), "no byte sent twice");
        List<RecordedRequest> requests = server.requests();
        assertEquals(List.of("PUT", "HEAD", "PATCH"), requests.stream().map(RecordedRequest::method).toList());
        assertTrue(held >= 200_000, "held " + held);
        assertEquals(Long.toString(held), requests.get(2).header("Upload-Offset").orElseThrow(),
                "resumed from what the server held");
        assertEquals(List.of(paused.id()), commandLineTransfers().stream().map(Transfer::id).toList(),
                "the same transfer continued");
    }

    @Test
    void aGetOfTheSameUrlIntoTheFilesFolderIsADownloadOfItsOwn() throws Exception {
        Transfer paused = putGivenUpMidway();

        Result get = cli.run("get", "--quiet", "--retries", "0", "--dir", folder.toString(), url.toString());

        assertEquals(1, get.status(), "the endpoint does not serve GET: " + get.out());
        assertEquals("GET", server.requests().getLast().method());
        assertEquals(TransferState.PAUSED, fixture.service().get(paused.id()).orElseThrow().state());
    }

    /** @return the upload, paused with part of the file at the server */
    private Transfer putGivenUpMidway() throws Exception {
        endpoint = server.addResumableUpload("/up");
        endpoint.stallAfter(200_000);
        file = file("big.bin", SIZE);
        url = server.uri("/up");
        AtomicReference<Result> given = new AtomicReference<>();
        Thread client = Thread.ofPlatform()
                .start(() -> given.set(cli.run("put", "--quiet", file.toString(), url.toString())));
        awaitTrue("the server holds part of the file", () -> endpoint.storedBytes() >= 200_000);

        client.interrupt();
        client.join(TIMEOUT);

        assertEquals(1, given.get().status());
        Transfer upload = commandLineTransfers().getFirst();
        assertEquals(TransferKind.UPLOAD, upload.kind());
        endpoint.stallAfter(-1);
        return fixture.awaitState(upload.id(), TransferState.PAUSED);
    }
}
