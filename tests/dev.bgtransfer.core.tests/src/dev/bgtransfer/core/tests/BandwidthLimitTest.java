package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.RateSchedule;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.UploadRequest;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;
import dev.bgtransfer.junit.UploadEndpoint;

/**
 * Bandwidth limits measured where they matter, at the server: the body bytes it wrote to the client's
 * connection per second, over a few seconds after the first (when the sockets' buffers are full and
 * the server can send no faster than the client reads). On loopback the client's receive window opens
 * about 64 KiB at a time, so the server sees the client read in steps of that size: the limits here
 * are high enough for a few seconds to hold 20 steps and more.
 */
class BandwidthLimitTest extends ServiceTest {
    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    /** How close the measured rate must come to the limit. */
    private static final double TOLERANCE = 0.10;

    /** Small enough that what the server wrote is what the client read, give or take a few steps of a limit. */
    private static final int SEND_BUFFER = 16 * 1024;

    @BeforeEach
    void measureWhatTheClientReads() {
        server.setSendBuffer(SEND_BUFFER);
    }

    @AfterEach
    void liftLimits() {
        TransferService service = fixture.service();
        service.setOverallLimit(RateSchedule.UNLIMITED);
        service.hostLimits().keySet().forEach(host -> service.setHostLimit(host, RateLimit.UNLIMITED));
        service.setSessionLimit(TransferSession.DEFAULT_IDENTIFIER, RateLimit.UNLIMITED);
    }

    /** A transfer added, limited, then started: no byte goes faster than its limit. */
    private Transfer startLimited(TestFile file, RateLimit limit) {
        Transfer added = fixture.service().add(TransferRequest.of(server.uri(file.path()), folder));
        fixture.service().setRateLimit(added.id(), limit);
        fixture.service().start(added.id());
        return added;
    }

    /**
     * @return the bytes per second the server wrote of {@code files} together over about {@code seconds},
     *         after {@code settleMillis} from the moment every one of them had sent its first bytes. The
     *         server counts what it wrote a slice at a time (up to 64 KiB), so the rate is taken between
     *         the first and the last moment the count grew, not over a span that may cut a slice in two
     */
    private static double servedRate(double seconds, long settleMillis, TestFile... files) {
        TransferFixture.awaitTrue("every file is being served", () -> Arrays.stream(files).allMatch(file -> file.bytesServed() > 0));
        return rate(seconds, settleMillis, () -> served(files));
    }

    /** @return the growth of {@code served} per second, as {@link #servedRate} measures it */
    private static double rate(double seconds, long settleMillis, LongSupplier served) {
        TransferFixture.sleep(settleMillis);
        long last = served.getAsLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long firstBytes = -1;
        long firstTime = 0;
        long lastBytes = -1;
        long lastTime = 0;
        while (System.nanoTime() < end) {
            long now = served.getAsLong();
            if (now != last) {
                long at = System.nanoTime();
                if (firstBytes < 0) {
                    firstBytes = now;
                    firstTime = at;
                } else {
                    lastBytes = now;
                    lastTime = at;
                }
                last = now;
            }
            TransferFixture.sleep(1);
        }
        return lastBytes < 0 ? 0 : (lastBytes - firstBytes) * 1e9 / (lastTime - firstTime);
    }

    private static long served(TestFile... files) {
        long sum = 0;
        for (TestFile file : files) {
            sum += file.bytesServed();
        }
        return sum;
    }

    private static void assertNear(double expected, double measured, String what) {
        assertTrue(Math.abs(measured - expected) <= expected * TOLERANCE,
                what + ": " + Math.round(measured) + " bytes/s measured at the server, " + Math.round(expected)
                        + " expected (within " + Math.round(TOLERANCE * 100) + " %)");
    }

    @Test
    void aLimitedDownloadIsServedAtItsLimitAndCompletes() throws Exception {
        RateLimit limit = RateLimit.parse("512k");
        TestFile file = server.addFile("/limited/one.bin", 16 * MIB, 1);

        Transfer started = startLimited(file, limit);
        double rate = servedRate(4, 3000, file);

        assertNear(limit.bytesPerSecond(), rate, "one transfer limited to 512 KiB/s");
        assertEquals(limit, fixture.service().rateLimit(started.id()));
        fixture.service().setRateLimit(started.id(), RateLimit.UNLIMITED);
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void aLimitChangedWhileRunningHoldsWithinASecond() {
        TestFile file = server.addFile("/limited/changed.bin", 64 * MIB, 2);
        Transfer started = startLimited(file, RateLimit.of(1 * MIB));
        assertNear(1 * MIB, servedRate(4, 3000, file), "before the change");

        fixture.service().setRateLimit(started.id(), RateLimit.of(512 * KIB));
        long clientBefore = fixture.service().get(started.id()).orElseThrow().bytesReceived();
        long began = System.nanoTime();
        double lowered = servedRate(4, 3000, file);
        double client = (fixture.service().get(started.id()).orElseThrow().bytesReceived() - clientBefore) * 1e9
                / (System.nanoTime() - began);
        assertNear(512 * KIB, lowered, "after it was lowered (the client read " + Math.round(client) + " bytes/s)");

        fixture.service().setRateLimit(started.id(), RateLimit.of(2 * MIB));
        assertNear(2 * MIB, servedRate(4, 3000, file), "after it was raised");
        fixture.service().stop(started.id());
    }

    @Test
    void twoTransfersToOneHostShareItsLimitEvenly() {
        long limit = 1 * MIB;
        fixture.service().setHostLimit("127.0.0.1", RateLimit.of(limit));
        assertEquals(Map.of("127.0.0.1", RateLimit.of(limit)), fixture.service().hostLimits());
        TestFile first = server.addFile("/shared/first.bin", 64 * MIB, 3);
        TestFile second = server.addFile("/shared/second.bin", 64 * MIB, 4);
        Transfer one = fixture.service().download(TransferRequest.of(server.uri(first.path()), folder));
        Transfer two = fixture.service().download(TransferRequest.of(server.uri(second.path()), folder));
        servedRate(0, 0, first, second);

        long firstBefore = first.bytesServed();
        long secondBefore = second.bytesServed();
        double together = servedRate(4, 3000, first, second);
        long firstShare = first.bytesServed() - firstBefore;
        long secondShare = second.bytesServed() - secondBefore;

        assertNear(limit, together, "two transfers under one host's limit");
        double ratio = (double) firstShare / (firstShare + secondShare);
        assertTrue(ratio > 0.35 && ratio < 0.65, "each had about half: " + firstShare + " and " + secondShare);
        fixture.service().stop(one.id());
        fixture.service().stop(two.id());
    }

    @Test
    void theSessionLimitAndTheOverallLimitHoldOverTheirTransfers() {
        TestFile mine = server.addFile("/sessions/mine.bin", 64 * MIB, 5);
        TestFile theirs = server.addFile("/sessions/theirs.bin", 64 * MIB, 6);
        TestFile other = server.addFile("/sessions/other.bin", 64 * MIB, 7);
        TransferSession session = fixture.service().session("test.bandwidth",
                SessionConfiguration.of(SessionKind.DEFAULT));
        fixture.service().setSessionLimit("test.bandwidth", RateLimit.of(600 * KIB));
        assertEquals(RateLimit.of(600 * KIB), fixture.service().sessionLimit("test.bandwidth"));
        try {
            session.download(TransferRequest.of(server.uri(mine.path()), folder));
            session.download(TransferRequest.of(server.uri(theirs.path()), folder));
            assertNear(600 * KIB, servedRate(4, 3000, mine, theirs), "a session's two transfers");

            fixture.service().download(TransferRequest.of(server.uri(other.path()), folder));
            fixture.service().setOverallLimit(RateSchedule.of(RateLimit.of(800 * KIB)));
            assertNear(800 * KIB, servedRate(4, 3000, mine, theirs, other), "three transfers of two sessions overall");
        } finally {
            session.invalidate();
        }
    }

    @Test
    void aLimitedUploadIsReadByTheServerAtItsLimit() throws Exception {
        Path source = folder.resolve("upload.bin");
        byte[] bytes = new byte[(int) (16 * MIB)];
        new Random(12).nextBytes(bytes);
        Files.write(source, bytes);
        UploadEndpoint endpoint = server.addResumableUpload("/up");

        Transfer added = fixture.service().session(TransferSession.DEFAULT_IDENTIFIER,
                SessionConfiguration.of(SessionKind.DEFAULT)).add(UploadRequest.of(source, server.uri("/up")));
        fixture.service().setRateLimit(added.id(), RateLimit.of(1 * MIB));
        fixture.service().start(added.id());
        TransferFixture.awaitTrue("the server reads the upload", () -> endpoint.bytesReceived() > 0);

        assertNear(1 * MIB, rate(4, 3000, endpoint::bytesReceived), "an upload limited to 1 MiB/s");
        fixture.service().setRateLimit(added.id(), RateLimit.UNLIMITED);
        fixture.awaitState(added.id(), TransferState.COMPLETED);
        assertEquals(TransferFixture.sha256(source), endpoint.sha256());
    }

    /** The minimum speed drops a slow server's connection; a limit set here is no slow server. */
    @Test
    void aLimitUnderTheMinimumSpeedFailsNothing() throws Exception {
        TestFile file = server.addFile("/limited/floor.bin", 100 * KIB, 8);
        TransferSession session = fixture.service().session("test.floor", SessionConfiguration
                .of(SessionKind.DEFAULT).withOptions(TransferFixture.OPTIONS.withRetries(0, Duration.ofMillis(20))
                        .withMinimumSpeed(200 * KIB, Duration.ofSeconds(1))));
        try {
            Transfer added = session.add(TransferRequest.of(server.uri(file.path()), folder));
            fixture.service().setRateLimit(added.id(), RateLimit.of(30 * KIB));
            fixture.service().start(added.id());

            Transfer done = fixture.await(added.id(), "over", transfer -> transfer.state() == TransferState.COMPLETED || transfer.state() == TransferState.FAILED);
            assertEquals(TransferState.COMPLETED, done.state(), String.valueOf(done.failure()));
            assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
            assertEquals(1, server.requests(file.path()).size(), "never dropped and asked again");
        } finally {
            session.invalidate();
        }
    }

    /** More connections would only share the same limit: a limited large download keeps its one. */
    @Test
    void aLimitedLargeDownloadOpensNoFurtherConnection() {
        TestFile file = server.addFile("/limited/large.bin", 64 * MIB, 9);
        Transfer started = startLimited(file, RateLimit.of(2 * MIB));

        assertNear(2 * MIB, servedRate(4, 3000, file), "a large download limited to 2 MiB/s");
        assertEquals(1, server.peakConcurrentRequests(), "connections at once");
        assertEquals(1, server.requests(file.path()).size(), "requests: " + server.requests(file.path()));
        fixture.service().stop(started.id());
    }

    @Test
    void aPauseOfALimitedTransferIsImmediateAndKeepsItsBytes() throws Exception {
        TestFile file = server.addFile("/limited/pause.bin", 2 * MIB, 10);
        Transfer started = startLimited(file, RateLimit.of(20 * KIB));
        fixture.awaitBytes(started.id(), 10 * KIB);
        // lowered to a crawl: the connection now waits for the bytes it read under the old limit
        fixture.service().setRateLimit(started.id(), RateLimit.of(100));
        TransferFixture.sleep(300);

        long pausing = System.nanoTime();
        fixture.service().pause(started.id());
        Transfer paused = fixture.awaitState(started.id(), TransferState.PAUSED);
        long millis = (System.nanoTime() - pausing) / 1_000_000;

        assertTrue(millis < 250, "paused after " + millis + " ms");
        assertTrue(paused.bytesReceived() > 0, paused.toString());
        assertEquals(paused.bytesReceived(), Files.size(TransferFixture.partFiles(folder).getFirst()));
    }

    @Test
    void theOverallLimitHoldsAfterARestartAndATransfersLimitGoesWithIt() {
        TestFile file = server.addFile("/limited/kept.bin", 1 * MIB, 11);
        fixture.service().setOverallLimit(RateSchedule.parse("3m 22:00-06:00=0"));

        TransferFixture.restartService();

        assertEquals(RateSchedule.of(RateLimit.of(3 * MIB)).withWindow(LocalTime.of(22, 0), LocalTime.of(6, 0),
                RateLimit.UNLIMITED), fixture.service().overallLimit());
        Transfer again = fixture.service().add(TransferRequest.of(server.uri(file.path()), folder));
        fixture.service().setRateLimit(again.id(), RateLimit.parse("64k"));
        fixture.service().remove(again.id(), true);
        assertEquals(RateLimit.UNLIMITED, fixture.service().rateLimit(again.id()));
        assertThrows(IllegalArgumentException.class,
                () -> fixture.service().setRateLimit(again.id(), RateLimit.of(1)));
    }

    @Test
    void sessionLimitsListTheSessionsThatHaveALimitUntilItIsLiftedOrTheSessionEnds() {
        TransferSession session = fixture.service().session("test.bandwidth.listed",
                SessionConfiguration.of(SessionKind.DEFAULT));
        fixture.service().setSessionLimit("test.bandwidth.listed", RateLimit.parse("300k"));
        fixture.service().setSessionLimit("test.bandwidth.lifted", RateLimit.parse("1m"));
        fixture.service().setSessionLimit("test.bandwidth.lifted", RateLimit.UNLIMITED);

        assertEquals(Map.of("test.bandwidth.listed", RateLimit.of(300 * KIB)), fixture.service().sessionLimits());

        session.invalidate();
        assertEquals(Map.of(), fixture.service().sessionLimits());
    }
}
