package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.list;
import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;

/**
 * One large file from a server that limits the rate of each response (each connection): with ranges
 * and a validator the download opens further connections for slices of it, within the host's limit,
 * lets a connection that finished take over the rest of a slow one, goes on with fewer when one is
 * refused, never splices two entities, and resumes each slice after a pause.
 */
class SegmentedDownloadTest extends ServiceTest {
    private static final long MIB = 1024 * 1024;
    private static final long SIZE = 24 * MIB;
    /** What each response is held to: a server's {@code limit_rate} per connection. */
    private static final long RATE = 4_000_000;
    /** Bytes a connection cut short by a steal or a pause may have had in flight. */
    private static final long IN_FLIGHT = 2 * MIB;

    @Test
    void aThrottledServerGetsSeveralRangedConnectionsThatFetchTheFileOnce() throws Exception {
        TestFile file = server.addFile("/big/segments.bin", SIZE, 51).throttle(RATE);

        long begin = System.nanoTime();
        Transfer done = download(file);
        double seconds = (System.nanoTime() - begin) / 1e9;

        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        List<RecordedRequest> requests = server.requests(file.path());
        List<RecordedRequest> bounded = requests.stream().filter(SegmentedDownloadTest::isBounded).toList();
        assertTrue(bounded.size() >= 2, "further connections ask for bounded ranges: " + ranges(requests));
        assertTrue(bounded.stream().allMatch(request -> file.etag().equals(request.header("If-Range").orElse(null))),
                "each with the entity tag in If-Range: " + requests);
        assertEquals(bounded.size(), bounded.stream().map(request -> request.rangeStart().orElseThrow())
                .collect(Collectors.toSet()).size(), "no slice asked for twice: " + ranges(requests));
        assertTrue(server.peakConcurrentRequests() >= 2, "connections at once: " + server.peakConcurrentRequests());
        assertTrue(server.peakConcurrentRequests() <= 4, "never more than four: " + server.peakConcurrentRequests());
        long steals = bounded.size() - 3;
        assertTrue(file.bytesServed() <= SIZE + Math.max(steals, 1) * IN_FLIGHT,
                "bytes fetched twice only after a steal: " + file.bytesServed() + " for " + SIZE);
        assertEquals(List.of("segments.bin"), list(folder));
        long progressEvents = fixture.events(TransferEvent.Progress.class).stream()
                .filter(event -> event.transfer().id() == done.id()).count();
        assertTrue(progressEvents <= seconds * 10 + 3,
                "one transfer's progress, however many connections: " + progressEvents + " in " + seconds + " s");
    }

    @Test
    void furtherConnectionsGiveTheirSlotsToAQueuedTransferOfTheSameHost() throws Exception {
        fixture.service().setOptions(fixture.service().options().withMaxConnectionsPerHost(2));
        TestFile big = server.addFile("/big/sharing.bin", SIZE, 60).throttle(RATE);
        TestFile small = server.addFile("/small/waiting.bin", 100_000, 61);
        Transfer large = fixture.service().download(TransferRequest.of(server.uri(big.path()), folder));
        awaitRequests(big, 2);

        Transfer queued = fixture.service().download(TransferRequest.of(server.uri(small.path()), folder));
        Transfer smallDone = fixture.awaitState(queued.id(), TransferState.COMPLETED);

        assertTrue(fixture.service().get(large.id()).orElseThrow().state() == TransferState.RUNNING,
                "the small file got a slot while the large one still ran");
        Transfer largeDone = fixture.awaitState(large.id(), TransferState.COMPLETED);
        assertEquals(small.sha256(), sha256(smallDone.file().orElseThrow()));
        assertEquals(big.sha256(), sha256(largeDone.file().orElseThrow()));
        // the slot goes back once the connection is closed; the server counts a body it was cut off in until
        // its next paced write fails (up to 50 ms later), so it may see the next transfer's request meanwhile
        assertTrue(server.peakConcurrentRequests() <= 3, "within the host's limit: " + server.peakConcurrentRequests());
    }

    @Test
    void aServerWithoutRangesGetsOneConnection() throws Exception {
        TestFile file = server.addFile("/big/plain.bin", SIZE, 52).throttle(4 * RATE).withoutRanges(true);

        Transfer done = download(file);

        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(1, server.requests(file.path()).size(), ranges(server.requests(file.path())));
        assertEquals(1, server.peakConcurrentRequests());
    }

    @Test
    void aServerWithoutValidatorsGetsOneConnection() throws Exception {
        TestFile file = server.addFile("/big/unvalidated.bin", SIZE, 53).throttle(4 * RATE).withoutValidators(true);

        Transfer done = download(file);

        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(1, server.requests(file.path()).size(), ranges(server.requests(file.path())));
        assertEquals(1, server.peakConcurrentRequests());
    }

    @Test
    void aConnectionFasterThanSixteenMiBPerSecondGoesOnAlone() throws Exception {
        // 24 MB/s for 64 MiB: almost three seconds, but a link that one connection fills gains nothing from more
        TestFile file = server.addFile("/big/fast.bin", 64 * MIB, 62).throttle(24_000_000);

        Transfer done = download(file);

        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(1, server.requests(file.path()).size(), ranges(server.requests(file.path())));
    }

    @Test
    void aConnectionThatFinishedTakesOverTheRestOfASlowOne() throws Exception {
        TestFile file = server.addFile("/big/slow-first.bin", SIZE, 54).throttle(RATE).throttleUnranged(RATE / 16);

        Transfer done = download(file);

        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        // the ramp splits the rests in halves: 12 MiB, then about 6 MiB for the first connection's rest; a
        // slice that starts lower was taken from the slow first connection by one that had finished its own
        List<Long> starts = server.requests(file.path()).stream().filter(SegmentedDownloadTest::isBounded)
                .map(request -> request.rangeStart().orElseThrow()).toList();
        assertTrue(starts.stream().anyMatch(start -> start < SIZE / 5), "a steal of the slow slice: " + starts);
    }

    @Test
    void aRefusedFurtherConnectionLeavesTheTransferToTheOthers() throws Exception {
        TestFile file = server.addFile("/big/refusing.bin", SIZE, 55).throttle(RATE).refuseBoundedRanges(503, 2, "1");

        Transfer done = download(file);

        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(2, file.refusalsAnswered());
        assertTrue(fixture.events(TransferEvent.StateChanged.class).stream()
                .noneMatch(changed -> changed.transfer().state() == TransferState.FAILED), "never failed");
        assertTrue(file.bytesServed() <= SIZE + 4 * IN_FLIGHT,
                "served " + file.bytesServed() + ": " + ranges(server.requests(file.path())));
    }

    @Test
    void tooManyRequestsOnAFurtherConnectionIsNoFailureEither() throws Exception {
        TestFile file = server.addFile("/big/busy.bin", SIZE, 56).throttle(RATE).refuseBoundedRanges(429, 1, "1");

        Transfer done = download(file);

        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(1, file.refusalsAnswered());
    }

    @Test
    void anEntityThatChangesMidwayIsFetchedAgainNeverSpliced() throws Exception {
        TestFile file = server.addFile("/big/changing.bin", SIZE, 57).throttle(RATE);
        String before = file.sha256();
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        // before the first further connection: it gets the new entity in full (If-Range fails)
        fixture.awaitBytes(started.id(), MIB);
        file.changeContent(58);

        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);

        String after = sha256(done.file().orElseThrow());
        assertEquals(file.sha256(), after, "the new entity, whole (the old one was " + before + ")");
        assertTrue(server.requests(file.path()).stream().skip(1).anyMatch(request -> request.rangeStart().isEmpty()),
                "started again from zero: " + ranges(server.requests(file.path())));
    }

    @Test
    void aPausedSegmentedDownloadResumesEachSliceFromItsBytes() throws Exception {
        TestFile file = server.addFile("/big/paused.bin", SIZE, 59).throttle(RATE);
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        awaitRequests(file, 3);
        fixture.awaitBytes(started.id(), 8 * MIB);
        fixture.service().pause(started.id());
        Transfer paused = fixture.awaitState(started.id(), TransferState.PAUSED);
        // the server notices a closed connection at its next write; a connection still read would go on
        TransferFixture.sleep(200);
        long servedAtPause = file.bytesServed();
        TransferFixture.sleep(300);
        assertEquals(servedAtPause, file.bytesServed(), "every connection stopped with the pause");
        int before = server.requests(file.path()).size();
        Set<Long> earlierStarts = server.requests(file.path()).stream()
                .map(request -> request.rangeStart().orElse(0)).collect(Collectors.toSet());
        long servedBefore = file.bytesServed();

        fixture.service().start(paused.id());
        Transfer done = fixture.awaitState(paused.id(), TransferState.COMPLETED);

        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        List<RecordedRequest> resumed = server.requests(file.path()).subList(before,
                server.requests(file.path()).size());
        assertTrue(resumed.stream().allMatch(request -> request.rangeStart().isPresent()
                && file.etag().equals(request.header("If-Range").orElse(null))), "all ranged: " + ranges(resumed));
        assertTrue(resumed.stream().filter(request -> !earlierStarts.contains(request.rangeStart().getAsLong()))
                .count() >= 2, "slices resumed from their bytes, not their starts: " + ranges(resumed));
        long servedAfter = file.bytesServed() - servedBefore;
        assertTrue(servedAfter <= SIZE - paused.bytesReceived() + 4 * IN_FLIGHT,
                "only what was missing: " + servedAfter + " after " + paused.bytesReceived() + " of " + SIZE);
    }

    private Transfer download(TestFile file) {
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        return fixture.awaitState(started.id(), TransferState.COMPLETED);
    }

    private void awaitRequests(TestFile file, int count) {
        TransferFixture.awaitTrue(count + " requests",
                () -> server.requests(file.path()).size() >= count);
    }

    private static boolean isBounded(RecordedRequest request) {
        return request.header("Range").map(range -> !range.strip().endsWith("-")).orElse(false);
    }

    private static String ranges(List<RecordedRequest> requests) {
        List<String> ranges = new ArrayList<>();
        requests.forEach(request -> ranges.add(request.header("Range").orElse("whole")));
        return ranges.toString();
    }
}
