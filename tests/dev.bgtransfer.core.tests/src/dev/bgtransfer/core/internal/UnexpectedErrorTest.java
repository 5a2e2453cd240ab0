package dev.bgtransfer.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TestHttpServer;
import dev.bgtransfer.junit.TransferFixture;

/**
 * A java.lang.Error thrown inside a transfer's Job (a linkage error of a half-updated install, a
 * stack overflow) fails that transfer with a reason and keeps its bytes for a retry; it used to
 * end it as stopped, deleting them.
 */
class UnexpectedErrorTest {
    private TestHttpServer server;
    private TransferEngine engine;
    private volatile boolean broken;
    @TempDir
    Path folder;

    @BeforeEach
    void setUp() throws Exception {
        server = TestHttpServer.start();
        engine = new TransferEngine(new InMemoryTransferStore(), TransferFixture.OPTIONS, null, url -> {
            if (broken) {
                throw new LinkageError("a class of this install cannot be loaded");
            }
            return Optional.empty();
        }, List::of);
    }

    @AfterEach
    void tearDown() {
        engine.close();
        server.close();
    }

    @Test
    void anErrorInTheJobFailsTheTransferAndKeepsItsBytes() throws Exception {
        TestFile file = server.addFile("/files/kept.bin", 2_000_000, 31).throttle(1_000_000);
        long id = engine.add(TransferSession.DEFAULT_IDENTIFIER, TransferRequest.of(server.uri(file.path()), folder), true).id();
        TransferFixture.awaitTrue("some bytes", () -> bytes(id) >= 300_000);
        engine.pause(id);
        TransferFixture.awaitTrue("paused", () -> state(id) == TransferState.PAUSED);
        long kept = bytes(id);
        Path part = folder.resolve("kept.bin.part");
        assertEquals(kept, Files.size(part));

        broken = true;
        engine.start(id);
        TransferFixture.awaitTrue("failed", () -> state(id) == TransferState.FAILED);
        Transfer failed = engine.reads().get(id).orElseThrow();
        assertEquals(TransferFailure.Kind.PROTOCOL, failed.failure().orElseThrow().kind());
        assertEquals(kept, failed.bytesReceived(), "the bytes are kept");
        assertTrue(Files.isRegularFile(part), "the partial file is kept");
        assertEquals(kept, Files.size(part));

        broken = false;
        file.throttle(0);
        engine.start(id);
        TransferFixture.awaitTrue("completed", () -> state(id) == TransferState.COMPLETED);
        assertEquals(file.sha256(), TransferFixture.sha256(folder.resolve("kept.bin")));
        RecordedRequest resumed = server.requests(file.path()).getLast();
        assertEquals(kept, resumed.rangeStart().orElseThrow(), "resumed from the kept bytes");
    }

    private long bytes(long id) {
        return engine.reads().get(id).orElseThrow().bytesReceived();
    }

    private TransferState state(long id) {
        return engine.reads().get(id).orElseThrow().state();
    }
}
