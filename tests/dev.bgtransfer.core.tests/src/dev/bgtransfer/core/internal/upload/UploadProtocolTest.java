package dev.bgtransfer.core.internal.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.osgi.util.NLS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.internal.http.ConnectionAbort;
import dev.bgtransfer.core.internal.http.HttpTransport;
import dev.bgtransfer.core.internal.http.TransferException;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.TestHttpServer;
import dev.bgtransfer.junit.UploadEndpoint;

/** Uploads against the test server on loopback: resumption after drops, restarts, cancel, refusals, abort. */
class UploadProtocolTest {
    private static final int MB = 1 << 20;
    /** What a resumed upload may send twice per drop: bytes read by the server but not stored. */
    private static final long CHUNK = 64 * 1024;
    private static final TransferOptions OPTIONS = TransferOptions.DEFAULTS.withStallTimeout(Duration.ofSeconds(60));

    @TempDir
    Path folder;
    private TestHttpServer server;
    private HttpTransport transport;
    private final ConnectionAbort abort = new ConnectionAbort();

    @BeforeEach
    void start() throws IOException {
        server = TestHttpServer.start();
        transport = new HttpTransport(OPTIONS, null, url -> Optional.empty());
    }

    @AfterEach
    void stop() {
        transport.close();
        server.close();
    }

    @Test
    void aFiftyMegabyteUploadWithTwoDropsResumesFromTheServersOffset() throws Exception {
        UploadEndpoint endpoint = server.addResumableUpload("/files");
        endpoint.dropAfter(15 * MB, 2);
        SourceFile source = SourceFile.record(file("big.bin", 50 * MB));
        ResumableUpload upload = upload("POST", "/files", source);

        UploadResult result = untilDone(upload, 2);

        assertEquals(200, result.status());
        assertTrue(endpoint.isComplete());
        assertEquals(source.sha256(), endpoint.sha256(), "the server holds exactly the file's bytes");
        assertTrue(endpoint.bytesReceived() <= source.size() + 2 * CHUNK, "sent twice: "
                + (endpoint.bytesReceived() - source.size()));
        List<String> methods = server.requests().stream().map(RecordedRequest::method).toList();
        assertEquals(List.of("POST", "HEAD", "PATCH", "HEAD", "PATCH"), methods);
        List<RecordedRequest> patches = server.requests().stream().filter(r -> r.method().equals("PATCH")).toList();
        assertEquals(Optional.of(Long.toString(15L * MB)), patches.get(0).header("Upload-Offset"));
        assertEquals(Optional.of(Long.toString(30L * MB)), patches.get(1).header("Upload-Offset"));
        assertEquals(Optional.of("application/partial-upload"), patches.get(0).header("Content-Type"));
        RecordedRequest creation = server.requests().get(0);
        assertEquals(Optional.of("?1"), creation.header("Upload-Complete"));
        assertEquals(Optional.of(Long.toString(50L * MB)), creation.header("Upload-Length"));
        assertEquals(server.uri(patches.get(0).path()), upload.resource(), "the 104's Location, resolved");
    }

    @Test
    void theUploadResourceIsReportedBeforeTheFirstByteOfTheBody() throws Exception {
        server.addResumableUpload("/files");
        SourceFile source = SourceFile.record(file("first.bin", 2 * MB));
        AtomicReference<ResumableUpload> upload = new AtomicReference<>();
        List<String> reports = new CopyOnWriteArrayList<>();
        // what the Job stores at a report: a process killed right after it has not sent a byte the server could keep
        upload.set(new ResumableUpload(transport, "POST", server.uri("/files"), true, source, null, null, OPTIONS,
                abort, (sent, total) -> reports.add(sent + " of " + total + " to " + upload.get().resource())));

        upload.get().attempt();

        assertNotNull(upload.get().resource());
        assertEquals("0 of " + source.size() + " to " + upload.get().resource(), reports.getFirst());
    }

    @Test
    void aServerWithoutResumptionGetsTheFileAgainFromZero() throws Exception {
        UploadEndpoint endpoint = server.addPlainUpload("/plain");
        endpoint.dropAfter(3 * MB, 1);
        SourceFile source = SourceFile.record(file("plain.bin", 8 * MB));
        ResumableUpload upload = upload("PUT", "/plain", source);

        UploadResult result = untilDone(upload, 1);

        assertEquals(201, result.status());
        assertEquals(source.sha256(), endpoint.sha256());
        assertEquals(3L * MB + source.size(), endpoint.bytesReceived());
        assertEquals(List.of("PUT", "PUT"), server.requests().stream().map(RecordedRequest::method).toList());
    }

    @Test
    void cancelSendsDeleteToTheUploadResource() throws Exception {
        UploadEndpoint endpoint = server.addResumableUpload("/files");
        endpoint.dropAfter(MB, 1);
        ResumableUpload upload = upload("POST", "/files", SourceFile.record(file("a.bin", 4 * MB)));
        assertTrue(assertThrows(TransferException.class, upload::attempt).isTransient());
        assertNotNull(upload.resource());
        String resource = endpoint.resource();

        assertTrue(upload.cancel());

        assertEquals(1, endpoint.deletes());
        assertEquals(List.of(resource), server.requests().stream().filter(r -> r.method().equals("DELETE"))
                .map(RecordedRequest::path).toList());
    }

    @Test
    void aFileChangedBeforeTheResumeFailsWithASentence() throws Exception {
        UploadEndpoint endpoint = server.addResumableUpload("/files");
        endpoint.dropAfter(MB, 1);
        Path path = file("changing.bin", 4 * MB);
        ResumableUpload upload = upload("POST", "/files", SourceFile.record(path));
        assertTrue(assertThrows(TransferException.class, upload::attempt).isTransient());
        byte[] other = Files.readAllBytes(path);
        other[other.length - 1] ^= 1;
        Files.write(path, other);
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().plusSeconds(5)));

        TransferException failure = assertThrows(TransferException.class, upload::attempt);

        assertFalse(failure.isTransient());
        assertEquals(NLS.bind(Messages.sourceChanged, path), failure.getMessage());
        assertTrue(server.requests().stream().noneMatch(r -> r.method().equals("PATCH")));
    }

    @Test
    void aMissingFileFailsWithASentence() throws Exception {
        Path path = folder.resolve("gone.bin");
        TransferException failure = assertThrows(TransferException.class, () -> SourceFile.record(path));
        assertEquals(NLS.bind(Messages.sourceMissing, path), failure.getMessage());
    }

    @Test
    void tooLargeFailsWithASentenceAndNoBody() throws Exception {
        UploadEndpoint endpoint = server.addResumableUpload("/files");
        endpoint.refuseAbove(MB);
        SourceFile source = SourceFile.record(file("large.bin", 2 * MB));
        ResumableUpload upload = upload("POST", "/files", source);

        TransferException failure = assertThrows(TransferException.class, upload::attempt);

        assertFalse(failure.isTransient());
        assertEquals(NLS.bind(Messages.tooLargeLimit, new Object[] { "127.0.0.1", source.size(), (long) MB }),
                failure.getMessage());
        assertEquals(0, endpoint.bytesReceived());
    }

    @Test
    void anAbortFromAnotherThreadEndsABlockedUploadPromptly() throws Exception {
        UploadEndpoint endpoint = server.addResumableUpload("/files");
        endpoint.stallAfter(MB);
        ResumableUpload upload = upload("POST", "/files", SourceFile.record(file("stalled.bin", 40 * MB)));
        CompletableFuture<UploadResult> running = CompletableFuture.supplyAsync(() -> {
            try {
                return upload.attempt();
            } catch (TransferException failure) {
                throw new IllegalStateException(failure);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (endpoint.storedBytes() < MB && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(500); // the client's write is blocked by now: the server reads nothing more
        assertFalse(running.isDone());

        long aborted = System.nanoTime();
        abort.abort();
        ExecutionException ended = assertThrows(ExecutionException.class, () -> running.get(5, TimeUnit.SECONDS));

        assertTrue(ended.getCause() instanceof OperationCanceledException, String.valueOf(ended.getCause()));
        assertTrue(System.nanoTime() - aborted < TimeUnit.SECONDS.toNanos(2));
        assertTrue(upload.cancel(), "the stalled upload can still be cancelled");
    }

    /** Attempts until the upload is done, as the engine will with its retries; expects {@code drops} transient failures. */
    private static UploadResult untilDone(ResumableUpload upload, int drops) throws TransferException {
        for (int failures = 0;; failures++) {
            try {
                UploadResult result = upload.attempt();
                assertEquals(drops, failures);
                return result;
            } catch (TransferException failure) {
                if (!failure.isTransient() || failures >= drops) {
                    throw failure;
                }
            }
        }
    }

    private ResumableUpload upload(String method, String path, SourceFile source) {
        URI url = server.uri(path);
        return new ResumableUpload(transport, method, url, true, source, null, null, OPTIONS, abort, UploadProgress.NONE);
    }

    private Path file(String name, int size) throws IOException {
        Path path = folder.resolve(name);
        byte[] bytes = new byte[MB];
        Random random = new Random(size);
        try (OutputStream out = Files.newOutputStream(path)) {
            for (int written = 0; written < size; written += bytes.length) {
                random.nextBytes(bytes);
                out.write(bytes, 0, Math.min(bytes.length, size - written));
            }
        }
        return path;
    }
}
