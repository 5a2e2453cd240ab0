package dev.bgtransfer.junit;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test against the real transfer service and an HTTP server on loopback, with a fresh
 * download folder: each test starts from a reset service and ends by resetting it.
 */
public abstract class ServiceTest {
    protected TestHttpServer server;
    protected TransferFixture fixture;
    @TempDir
    protected Path folder;

    @BeforeEach
    void startServerAndService() throws Exception {
        server = TestHttpServer.start();
        fixture = new TransferFixture();
    }

    @AfterEach
    void resetServiceAndStopServer() {
        fixture.close();
        server.close();
    }
}
