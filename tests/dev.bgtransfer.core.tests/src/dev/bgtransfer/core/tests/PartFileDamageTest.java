package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.partFiles;
import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;

/**
 * A partial file damaged on disk while its transfer is paused is caught on resume, before the file
 * gets its name: the bytes from the damaged chunk's start are fetched again, ranged, and the file
 * and its recorded SHA-256 are the server's. Over one connection and in slices: in the bytes written
 * without a gap from the start, and in a slice's bytes beyond the first gap.
 */
class PartFileDamageTest extends ServiceTest {
    private static final long MIB = 1024 * 1024;
    private static final long CHUNK = 4 * MIB;
    private static final long SIZE = 24 * MIB;
    private static final long RATE = 4_000_000;

    @Test
    void aPartialFileDamagedWhilePausedIsFetchedAgainFromTheDamagedChunk() throws Exception {
        fixture.service().setOptions(fixture.service().options().withMaxConnectionsPerHost(1));
        TestFile file = server.addFile("/files/paused-damage.bin", SIZE, 93).throttle(RATE);
        Transfer paused = downloadAndPauseWhen(file, "14 MiB", transfer -> transfer.bytesReceived() >= 14 * MIB);
        long damagedAt = 6 * MIB + 12_345;
        TransferFixture.overwrite(partFiles(folder).getFirst(), damagedAt, 21);
        List<RecordedRequest> resumed = resumeToTheServersFile(file, paused);
        assertEquals(damagedAt / CHUNK * CHUNK, resumed.getFirst().rangeStart().orElseThrow(),
                "from the damaged chunk's start, not from " + paused.bytesReceived());
    }

    @Test
    void aDamagedSliceIsFetchedAgainFromTheDamagedChunk() throws Exception {
        TestFile file = server.addFile("/big/sliced-damage.bin", SIZE, 94).throttle(RATE);
        Path part = folder.resolve("sliced-damage.bin.part");
        // the first slice, from the file's start, has passed its second chunk's start by half a MiB
        Transfer paused = downloadAndPauseWhen(file, "several slices, the first past 4.5 MiB",
                transfer -> server.requests(file.path()).size() >= 2
                        && matchingPrefix(part, file.bytes()) >= CHUNK + MIB / 2);
        long prefix = matchingPrefix(part, file.bytes());
        assertTrue(server.requests(file.path()).size() >= 2, "fetched in slices");
        long damagedAt = CHUNK + 1_000;
        TransferFixture.overwrite(part, damagedAt, 21);
        List<RecordedRequest> resumed = resumeToTheServersFile(file, paused);
        assertTrue(resumed.stream().anyMatch(request -> request.rangeStart().orElse(-1) == CHUNK),
                "the slice with the damage again from the chunk's start " + CHUNK + " (its bytes reached " + prefix
                        + "): " + ranges(resumed));
        assertTrue(resumed.stream().allMatch(request -> request.rangeStart().isPresent()), "all ranged");
    }

    @Test
    void damageInASliceBeyondTheBytesFromTheStartIsFetchedAgain() throws Exception {
        TestFile file = server.addFile("/big/later-slice.bin", SIZE, 95).throttle(RATE);
        Path part = folder.resolve("later-slice.bin.part");
        Transfer paused = downloadAndPauseWhen(file, "three slices begun, 8 MiB",
                transfer -> server.requests(file.path()).size() >= 3 && transfer.bytesReceived() >= 8 * MIB);
        byte[] expected = file.bytes();
        long prefix = matchingPrefix(part, expected);
        long[] run = laterRun(part, expected, prefix);
        assertTrue(run[1] - run[0] >= 64 * 1024, "a slice's bytes past the first gap: " + run[0] + "-" + run[1]);
        long damagedAt = run[0] + (run[1] - run[0]) / 2;
        TransferFixture.overwrite(part, damagedAt, 21);
        List<RecordedRequest> resumed = resumeToTheServersFile(file, paused);
        assertTrue(resumed.stream().anyMatch(request -> {
            long start = request.rangeStart().orElse(-1);
            return start >= run[0] - 4096 && start <= damagedAt && start >= damagedAt / CHUNK * CHUNK;
        }), "the damaged slice again from the damaged chunk's start (bytes " + run[0] + "-" + run[1] + ", damage at "
                + damagedAt + "): " + ranges(resumed));
        assertTrue(resumed.stream().allMatch(request -> request.rangeStart().isPresent()), "all ranged");
    }

    /** Starts downloading {@code file} and pauses it once {@code ready} holds; @return the paused transfer */
    private Transfer downloadAndPauseWhen(TestFile file, String what, Predicate<Transfer> ready) {
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.await(started.id(), what, ready);
        fixture.service().pause(started.id());
        return fixture.awaitState(started.id(), TransferState.PAUSED);
    }

    /**
     * Resumes {@code paused} at full speed until it completes, and checks that the file and the
     * SHA-256 the service tells are the server's.
     *
     * @return the requests of the resume
     */
    private List<RecordedRequest> resumeToTheServersFile(TestFile file, Transfer paused) throws IOException {
        int before = server.requests(file.path()).size();
        file.throttle(0);
        fixture.service().start(paused.id());
        Transfer done = fixture.awaitState(paused.id(), TransferState.COMPLETED);
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()), "the file is the server's");
        assertEquals(file.sha256(), done.sha256().orElseThrow(), "the SHA-256 told is the file's");
        return server.requests(file.path()).subList(before, server.requests(file.path()).size());
    }

    private static List<String> ranges(List<RecordedRequest> requests) {
        return requests.stream().map(request -> request.header("Range").orElse("whole")).toList();
    }

    /** @return the first range past {@code from} where {@code part} holds the server's bytes, found in steps of 4 KiB */
    private static long[] laterRun(Path part, byte[] expected, long from) throws IOException {
        byte[] actual = Files.readAllBytes(part);
        int step = 4096;
        int length = Math.min(actual.length, expected.length);
        for (int at = (int) (from / step + 2) * step; at + step <= length; at += step) {
            if (Arrays.equals(actual, at, at + step, expected, at, at + step)) {
                int mismatch = Arrays.mismatch(actual, at, length, expected, at, length);
                return new long[] { at, mismatch < 0 ? length : at + mismatch };
            }
        }
        return new long[] { 0, 0 };
    }

    /** @return how many bytes from the start of {@code part} are the server's */
    private static long matchingPrefix(Path part, byte[] expected) {
        try {
            byte[] actual = Files.readAllBytes(part);
            int length = Math.min(actual.length, expected.length);
            int mismatch = Arrays.mismatch(actual, 0, length, expected, 0, length);
            return mismatch < 0 ? length : mismatch;
        } catch (IOException notYet) {
            return 0;
        }
    }
}
