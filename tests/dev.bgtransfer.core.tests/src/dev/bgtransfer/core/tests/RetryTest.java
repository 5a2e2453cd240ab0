package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.partFiles;
import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;

/** Transient failures are retried from the bytes on disk, within a budget, visibly. */
class RetryTest extends ServiceTest {
    @Test
    void aConnectionClosedEarlyIsResumedAndNeverCompletedShort() throws Exception {
        fixture.service().setOptions(TransferFixture.OPTIONS.withRetries(5, Duration.ofMillis(20)));
        TestFile file = server.addFile("/files/dropping.bin", 1_000_000, 111).dropAfter(300_000);

        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);

        List<OptionalLong> starts = server.requests(file.path()).stream().map(RecordedRequest::rangeStart).toList();
        assertEquals(List.of(OptionalLong.empty(), OptionalLong.of(300_000), OptionalLong.of(600_000),
                OptionalLong.of(900_000)), starts);
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(file.size(), Files.size(done.file().orElseThrow()));
    }

    @Test
    void theBudgetEndsInAFailureThatKeepsTheBytes() throws Exception {
        TestFile file = server.addFile("/files/always-dropping.bin", 1_000_000, 112).dropAfter(100_000);

        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        Transfer failed = fixture.awaitState(started.id(), TransferState.FAILED);

        assertEquals(new TransferFailure(TransferFailure.Kind.NETWORK,
                "The connection to 127.0.0.1 closed after 300000 of 1000000 bytes."), failed.failure().orElseThrow());
        assertEquals(3, server.requests(file.path()).size(), "one try and two retries");
        assertEquals(300_000, failed.bytesReceived());
        assertEquals(300_000, Files.size(partFiles(folder).getFirst()));

        file.dropAfter(-1);
        fixture.service().start(started.id());
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);
        assertEquals(300_000, server.requests(file.path()).getLast().rangeStart().orElseThrow());
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void aDripFeedingServerIsDroppedAndResumedFromItsBytes() throws Exception {
        fixture.service().setOptions(TransferFixture.OPTIONS.withRetries(1, Duration.ofMillis(20))
                .withMinimumSpeed(50_000, Duration.ofMillis(600)));
        TestFile file = server.addFile("/files/drip.bin", 200_000, 113).throttle(5_000);

        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        Transfer failed = fixture.awaitState(started.id(), TransferState.FAILED);

        TransferFailure failure = failed.failure().orElseThrow();
        assertEquals(TransferFailure.Kind.NETWORK, failure.kind());
        assertTrue(failure.message().startsWith("127.0.0.1 sends too slowly: ")
                && failure.message().endsWith("below the minimum of 50.0 KB/s."), failure.message());
        List<RecordedRequest> requests = server.requests(file.path());
        assertEquals(2, requests.size(), "dropped, retried once");
        assertTrue(requests.get(1).rangeStart().orElseThrow() > 0, "the retry resumed from the bytes on disk");

        file.throttle(0);
        fixture.service().start(started.id());
        assertEquals(file.sha256(), sha256(fixture.awaitState(started.id(), TransferState.COMPLETED).file().orElseThrow()));
    }

    @Test
    void waitingToRetryIsVisibleAndAPauseEndsTheWait() {
        fixture.service().setOptions(TransferFixture.OPTIONS.withRetries(3, Duration.ofSeconds(2)));
        server.addStatus("/busy.bin", 503);

        Instant before = Instant.now();
        Transfer started = fixture.service().download(TransferRequest.of(server.uri("/busy.bin"), folder));
        Transfer waiting = fixture.await(started.id(), "waiting to retry", Transfer::isWaitingToRetry);

        assertEquals(TransferState.RUNNING, waiting.state());
        assertTrue(waiting.failure().orElseThrow().message().contains("503"), waiting.toString());
        Instant retryAt = waiting.nextRetry().orElseThrow();
        assertTrue(retryAt.isAfter(before.plusMillis(1_500)) && retryAt.isBefore(Instant.now().plusMillis(2_500)),
                "about 2 s with jitter: " + Duration.between(before, retryAt));

        fixture.service().pause(started.id());
        Transfer paused = fixture.awaitState(started.id(), TransferState.PAUSED);
        assertTrue(paused.nextRetry().isEmpty());
        assertTrue(Duration.between(before, Instant.now()).toMillis() < 1_500, "the pause did not wait for the retry");
        assertEquals(1, server.requests("/busy.bin").size());
    }
}
