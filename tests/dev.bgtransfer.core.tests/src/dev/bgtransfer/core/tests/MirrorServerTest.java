package dev.bgtransfer.core.tests;

import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TestHosts;
import dev.bgtransfer.junit.TestHttpServer;

/** A test with a second server, reached by another host name: a mirror elsewhere. */
abstract class MirrorServerTest extends ServiceTest {
    protected TestHttpServer mirrorServer;

    @BeforeEach
    void startMirror() throws Exception {
        mirrorServer = TestHttpServer.start();
    }

    @AfterEach
    void stopMirror() {
        mirrorServer.close();
    }

    /** @return the URL of {@code file} at the mirror server, by its host name */
    protected URI atMirror(TestFile file) {
        return atMirror(file.path());
    }

    protected URI atMirror(String path) {
        return mirrorServer.uri(TestHosts.OTHER_ORIGIN, path);
    }
}
