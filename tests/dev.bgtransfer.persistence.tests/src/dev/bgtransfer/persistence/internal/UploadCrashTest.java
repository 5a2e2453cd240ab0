package dev.bgtransfer.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.bgtransfer.core.TransferKind;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.TestHttpServer;
import dev.bgtransfer.junit.TransferFixture;
import dev.bgtransfer.junit.UploadEndpoint;

/**
 * A process uploading a file in a background session is killed with SIGKILL while it sends the
 * body; the next process on the same store asks the server how much it holds ({@code HEAD} on the
 * upload resource the killed one had stored) and sends only the rest ({@code PATCH} from that
 * offset), never a byte the server had read.
 */
class UploadCrashTest {
    private static final int MB = 1 << 20;
    /** Larger than what the sockets buffer on loopback, so that the kill comes while the client still writes. */
    private static final long SIZE = 24L * MB;
    private static final String SESSION = "dev.bgtransfer.persistence.tests.uploads";

    @TempDir
    Path work;
    private TestHttpServer server;
    private ChildProcess child;
    private Path state;

    @BeforeEach
    void setUp() throws IOException {
        server = TestHttpServer.start();
        state = work.resolve("state");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (child != null) {
            child.kill();
        }
        server.close();
    }

    /**
     * @param stallAt where the server stops reading the first request's body, until the next request
     *                for the upload comes: at once (the kill comes before it kept a byte), or in the middle
     */
    @ParameterizedTest
    @ValueSource(longs = { 0, 5 * MB })
    void anUploadKilledMidBodyResumesFromTheServersOffsetInTheNextProcess(long stallAt) throws Exception {
        UploadEndpoint endpoint = server.addResumableUpload("/uploads");
        endpoint.stallAfter(stallAt);
        Path source = sourceFile(Files.createDirectories(work.resolve("outbox")).resolve("report.bin"));
        String sha256 = TransferFixture.sha256(source);
        FileTime modified = Files.getLastModifiedTime(source);

        child = ChildProcess.startUpload(work, state, SESSION, source, server.uri("/uploads"));
        TransferFixture.awaitTrue("the server reads up to where it stalls", () -> endpoint.storedBytes() >= stallAt);
        TransferFixture.awaitTrue("the store holds the upload resource",
                () -> storedUpload().map(upload -> upload.upload().resource() != null).orElse(false));
        assertEquals(ChildProcess.KILLED_BY_SIGKILL, child.kill(), "killed mid-body: " + child.output());
        long held = endpoint.storedBytes();
        URI resource = server.uri(endpoint.resource());
        assertTrue(held < SIZE, "the server holds a part only: " + held);
        assertEquals(resource, storedUpload().orElseThrow().upload().resource(), "the 104's Location, stored");
        assertEquals(List.of("PUT"), methods(server.requests()), "one creation request before the kill");

        endpoint.stallAfter(-1);
        int requestsBefore = server.requests().size();
        child = ChildProcess.start(work, state, null, List.of());
        TransferFixture.awaitTrue("the server completes the upload", endpoint::isComplete);
        TransferFixture.awaitTrue("the store says completed",
                () -> storedUpload().map(upload -> upload.state() == TransferState.COMPLETED).orElse(false));
        child.kill();
        child = null;

        List<RecordedRequest> resumed = server.requests().subList(requestsBefore, server.requests().size());
        assertEquals(List.of("HEAD", "PATCH"), methods(resumed), "asked the offset, then sent the rest");
        resumed.forEach(request -> assertEquals(resource.getPath(), request.path()));
        assertEquals(Optional.of(Long.toString(held)), resumed.get(1).header("Upload-Offset"),
                "from what the server held, not from what the killed process had written");
        assertEquals(sha256, endpoint.sha256(), "the server holds exactly the file's bytes");
        assertEquals(SIZE, endpoint.bytesReceived(), "no byte the server read was sent twice");
        assertEquals(0, endpoint.deletes());

        TransferRecord done = storedUpload().orElseThrow();
        assertEquals(TransferState.COMPLETED, done.state());
        assertEquals(sha256, done.sha256());
        assertEquals(SIZE, done.bytes());
        assertEquals(SESSION, done.session());
        assertEquals(source, done.file());

        assertEquals(sha256, TransferFixture.sha256(source), "the file sent is untouched");
        assertEquals(modified, Files.getLastModifiedTime(source));
        assertEquals(List.of("report.bin"), TransferFixture.list(source.getParent()), "nothing written beside it");
    }

    /** @return the upload as the store file holds it, read beside a running process; empty while unreadable */
    private Optional<TransferRecord> storedUpload() {
        return StoredRecords.in(state).stream().filter(record -> record.toTransfer().kind() == TransferKind.UPLOAD)
                .findFirst();
    }

    private static List<String> methods(List<RecordedRequest> requests) {
        return requests.stream().map(RecordedRequest::method).toList();
    }

    private static Path sourceFile(Path path) throws IOException {
        byte[] chunk = new byte[MB];
        Random random = new Random(SIZE);
        try (OutputStream out = Files.newOutputStream(path)) {
            for (long written = 0; written < SIZE; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        return path;
    }
}
