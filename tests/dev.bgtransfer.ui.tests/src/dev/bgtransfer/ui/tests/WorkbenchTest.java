package dev.bgtransfer.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.UploadRequest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TestHttpServer;
import dev.bgtransfer.junit.TransferFixture;
import dev.bgtransfer.ui.internal.UiPreferences;
import dev.bgtransfer.ui.internal.view.ViewDriver;

/**
 * A test in the real workbench against the real service and a test HTTP server: the service is
 * reset, downloads go to a fresh folder (the download folder preference), notifications are off
 * unless a test turns them on, and the Downloads view is open and empty.
 */
public abstract class WorkbenchTest {
    protected static final long SIZE = 2_000_000;
    protected static final long RATE = 1_000_000;

    protected TestHttpServer server;
    protected TransferFixture fixture;
    protected ViewDriver view;
    @TempDir
    protected Path folder;

    @BeforeEach
    protected void openWorkbenchTest() throws Exception {
        server = TestHttpServer.start();
        fixture = new TransferFixture();
        IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(UiPreferences.NODE);
        preferences.put(UiPreferences.DOWNLOAD_FOLDER, folder.toString());
        preferences.putBoolean(UiPreferences.NOTIFY_WHEN_FINISHED, false);
        view = ViewDriver.open();
        view.waitForRows(0);
    }

    @AfterEach
    protected void closeWorkbenchTest() {
        fixture.close();
        server.close();
        InstanceScope.INSTANCE.getNode(UiPreferences.NODE).remove(UiPreferences.NOTIFY_WHEN_FINISHED);
    }

    /** @return a test file of {@link #SIZE} bytes served at {@link #RATE} */
    protected TestFile throttled(String name, long seed) {
        return server.addFile("/files/" + name, SIZE, seed).throttle(RATE);
    }

    /** Adds a transfer of the file without starting it; its row shows Start. */
    protected Transfer add(TestFile file) {
        return fixture.service().add(TransferRequest.of(server.uri(file.path()), folder));
    }

    /** Adds and starts a transfer of the file. */
    protected Transfer download(TestFile file) {
        return fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
    }

    /** @return a new file of {@code size} bytes from {@code seed} in the download folder, to upload */
    protected Path sourceFile(String name, long size, long seed) throws IOException {
        byte[] bytes = new byte[Math.toIntExact(size)];
        new Random(seed).nextBytes(bytes);
        return Files.write(folder.resolve(name), bytes);
    }

    /** Uploads {@code file} to the test server's {@code path} in the workbench's own session. */
    protected Transfer upload(Path file, String path) {
        TransferSession workbench = fixture.service().session(TransferSession.DEFAULT_IDENTIFIER,
                SessionConfiguration.of(SessionKind.DEFAULT));
        return workbench.upload(UploadRequest.of(file, server.uri(path)));
    }
}
