package dev.bgtransfer.persistence.internal;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TestHttpServer;
import dev.bgtransfer.junit.TransferFixture;

/** A damaged database at start-up: logged, kept aside, and the service works on a fresh one. */
class CorruptDatabaseTest {
    @TempDir
    Path folder;

    @Test
    void theServiceStartsEmptyAndKeepsWorking() throws Exception {
        Path state = Path.of(System.getProperty("dev.bgtransfer.state"));
        Bundle core = FrameworkUtil.getBundle(TransferService.class);
        Bundle persistence = FrameworkUtil.getBundle(SqliteTransferStore.class);
        List<IStatus> logged = new CopyOnWriteArrayList<>();
        ILogListener listener = (status, plugin) -> logged.add(status);
        Platform.addLogListener(listener);
        byte[] junk = new byte[8192];
        new Random(7).nextBytes(junk);
        try (TestHttpServer server = TestHttpServer.start()) {
            core.stop();
            persistence.stop();
            Files.createDirectories(state);
            try (Stream<Path> files = Files.list(state)) {
                for (Path earlier : files.filter(file -> file.getFileName().toString().startsWith("transfers.db"))
                        .toList()) {
                    Files.delete(earlier);
                }
            }
            Files.write(state.resolve("transfers.db"), junk);
            persistence.start(Bundle.START_ACTIVATION_POLICY);
            core.start(Bundle.START_ACTIVATION_POLICY);

            try (TransferFixture fixture = new TransferFixture()) {
                assertEquals(List.of(), fixture.service().transfers());
                TestFile file = server.addFile("/after-corruption.bin", 50_000, 99);
                Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
                Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);
                assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
            }
        } finally {
            Platform.removeLogListener(listener);
        }

        Path aside;
        try (Stream<Path> files = Files.list(state)) {
            aside = files.filter(file -> file.getFileName().toString().startsWith("transfers.db.corrupt-"))
                    .findFirst().orElseThrow();
        }
        assertArrayEquals(junk, Files.readAllBytes(aside));
        assertTrue(logged.stream().anyMatch(status -> status.getSeverity() == IStatus.ERROR
                && status.getMessage().contains(aside.getFileName().toString())), "logged: " + logged);
    }
}
