package dev.bgtransfer.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.RawHttpServer;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TransferFixture;

/** A thousand stalled connections leave no thread and no file handle behind. */
class LeakTest extends ServiceTest {
    private static final int STALLS = 1_000;

    @Test
    void threadsAndFileHandlesReturnToTheirBaseline() throws Exception {
        fixture.service().setOptions(TransferFixture.OPTIONS.withMaxConnectionsPerHost(50)
                .withStallTimeout(Duration.ofMillis(200)).withRetries(0, Duration.ofMillis(1)));
        try (RawHttpServer silent = RawHttpServer.startSilent()) {
            warmUp(silent);
            long threadsBefore = threadsOutsideThePools();
            long handlesBefore = openFileHandles();

            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < STALLS; i++) {
                ids.add(fixture.service().download(TransferRequest.of(silent.uri("/stall-" + i), folder)).id());
            }
            for (long id : ids) {
                TransferFailure failure = fixture.awaitState(id, TransferState.FAILED).failure().orElseThrow();
                assertEquals("127.0.0.1 sent no data for 0 s.", failure.message());
            }
            fixture.service().resetAll();

            assertEquals(STALLS + 1, silent.requestHeads().size());
            assertTrue(threadsOutsideThePools() <= threadsBefore + 2,
                    "threads: " + threadsBefore + " before, " + threadsOutsideThePools() + " after");
            // the server's ends of the connections close as they see the client's close: give them a moment
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            long handlesAfter = openFileHandles();
            while (handlesAfter > handlesBefore + 5 && System.nanoTime() < deadline) {
                TransferFixture.sleep(50);
                handlesAfter = openFileHandles();
            }
            assertTrue(handlesAfter <= handlesBefore + 5, "file handles: " + handlesBefore + " before, " + handlesAfter
                    + " after");
        }
    }

    /** One stall first, so that lazily created pools and classes are part of the baseline. */
    private void warmUp(RawHttpServer silent) {
        long id = fixture.service().download(TransferRequest.of(silent.uri("/warm-up"), folder)).id();
        fixture.awaitState(id, TransferState.FAILED);
        fixture.service().resetAll();
    }

    /**
     * @return live threads, minus the Job manager's workers (a pool the platform bounds and shrinks
     *         when idle) and the test server's virtual threads
     */
    private static long threadsOutsideThePools() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !thread.getName().startsWith("Worker-") && !thread.isVirtual()).count();
    }

    private static long openFileHandles() throws IOException {
        try (Stream<Path> handles = Files.list(Path.of("/proc/self/fd"))) {
            return handles.count();
        }
    }
}
