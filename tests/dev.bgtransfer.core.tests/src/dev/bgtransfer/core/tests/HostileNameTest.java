package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.list;
import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TestHttpServer;
import dev.bgtransfer.junit.TransferFixture;

/** Whatever name a server or URL suggests, the bytes land directly inside the destination folder. */
class HostileNameTest {
    private TestHttpServer server;
    private TransferFixture fixture;
    @TempDir
    Path sandbox;
    private Path folder;

    @BeforeEach
    void setUp() throws Exception {
        server = TestHttpServer.start();
        fixture = new TransferFixture();
        folder = Files.createDirectories(sandbox.resolve("a").resolve("downloads"));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
        server.close();
    }

    private void assertOnlyInsideTheFolder(Transfer done, TestFile file) throws Exception {
        Path written = done.file().orElseThrow();
        assertEquals(folder, written.getParent(), "written to " + written);
        assertEquals(file.sha256(), sha256(written));
        assertEquals(1, list(folder).size(), list(folder).toString());
        assertEquals(List.of("downloads"), list(sandbox.resolve("a")), "nothing beside the folder");
        assertEquals(List.of("a"), list(sandbox), "nothing above the folder");
        String name = written.getFileName().toString();
        assertFalse(name.contains("/") || name.contains("\\") || name.equals("..") || name.startsWith("."), name);
    }

    @ParameterizedTest
    @ValueSource(strings = { "attachment; filename=\"../../escape.txt\"", "attachment; filename=\"/etc/passwd\"",
            "attachment; filename*=UTF-8''..%2F..%2Fescape.txt", "attachment; filename=\"..\\\\..\\\\win.ini\"",
            "attachment; filename=\"..\"", "attachment; filename=\"C:\\\\Windows\\\\evil.dll\"",
            "inline; filename=\"evil\u202Etxt.exe\"", "attachment; filename=\"a\u0001b\tc.txt\"",
            "attachment; filename*=UTF-8''%2E%2E", "attachment; filename=\".hidden\"" })
    void contentDispositionCannotLeaveTheFolder(String header) throws Exception {
        TestFile file = server.addFile("/files/plain.bin", 5_000, 51).contentDisposition(header);

        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));

        assertOnlyInsideTheFolder(fixture.awaitState(started.id(), TransferState.COMPLETED), file);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/files/..%2F..%2Fescape.bin", "/files/%2E%2E", "/files/..%5C..%5Cescape.bin",
            "/files/%2Fetc%2Fpasswd", "/", "/files/" })
    void theUrlPathCannotLeaveTheFolder(String path) throws Exception {
        TestFile file = server.addFile(path, 5_000, 52);

        Transfer started = fixture.service().download(TransferRequest.of(server.uri(path), folder));

        assertOnlyInsideTheFolder(fixture.awaitState(started.id(), TransferState.COMPLETED), file);
    }

    @ParameterizedTest
    @ValueSource(strings = { "attachment; filename=\"report.pdf\"", "attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf" })
    void aReasonableNameIsKept(String header) throws Exception {
        TestFile file = server.addFile("/files/x", 5_000, 53).contentDisposition(header);

        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        Path written = fixture.awaitState(started.id(), TransferState.COMPLETED).file().orElseThrow();

        assertTrue(written.getFileName().toString().equals("report.pdf")
                || written.getFileName().toString().equals("résumé.pdf"), written.toString());
    }
}
