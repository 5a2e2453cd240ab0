package dev.bgtransfer.persistence.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import dev.bgtransfer.junit.TestHttpServer;

/** A test that runs the service in a child process it kills: the child and the server go at the end. */
abstract class KilledChildTest {
    @TempDir
    Path work;
    TestHttpServer server;
    ChildProcess child;

    @AfterEach
    void killChildAndStopServer() throws Exception {
        if (child != null) {
            child.kill();
        }
        if (server != null) {
            server.close();
        }
    }
}
