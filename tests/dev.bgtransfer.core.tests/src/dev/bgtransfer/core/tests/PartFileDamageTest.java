package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.partFiles;
import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;

/**
 * A partial file damaged on disk while its transfer is paused is caught on resume, before the file
 * gets its name: the bytes from the damaged chunk's start are fetched again, ranged, and the file
 * and its recorded SHA-256 are the server's. Over one connection and in slices.
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
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitBytes(started.id(), 14 * MIB);
        fixture.service().pause(started.id());
        Transfer paused = fixture.awaitState(started.id(), TransferState.PAUSED);
        long damagedAt = 6 * MIB + 12_345;
        overwrite(partFiles(folder).getFirst(), damagedAt, 21);
        int before = server.requests(file.path()).size();

        file.throttle(0);
        fixture.service().start(paused.id());
        Transfer done = fixture.awaitState(paused.id(), TransferState.COMPLETED);

        List<RecordedRequest> resumed = server.requests(file.path()).subList(before,
                server.requests(file.path()).size());
        assertEquals(damagedAt / CHUNK * CHUNK, resumed.getFirst().rangeStart().orElseThrow(),
                "from the damaged chunk's start, not from " + paused.bytesReceived());
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()), "the file is the server's");
        assertEquals(file.sha256(), done.sha256().orElseThrow(), "the SHA-256 told is the file's");
    }

    @Test
    void aDamagedSliceIsFetchedAgainFromTheDamagedChunk() throws Exception {
        TestFile file = server.addFile("/big/sliced-damage.bin", SIZE, 94).throttle(RATE);
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        Path part = folder.resolve("sliced-damage.bin.part");
        // the first slice, from the file's start, has passed its second chunk's start by half a MiB
        dev.bgtransfer.junit.TransferFixture.awaitTrue("several slices, the first past 4.5 MiB",
                () -> server.requests(file.path()).size() >= 2 && matchingPrefix(part, file.bytes()) >= CHUNK + MIB / 2);
        fixture.service().pause(started.id());
        Transfer paused = fixture.awaitState(started.id(), TransferState.PAUSED);
        long prefix = matchingPrefix(part, file.bytes());
        assertTrue(server.requests(file.path()).size() >= 2, "fetched in slices");
        long damagedAt = CHUNK + 1_000;
        overwrite(part, damagedAt, 21);
        int before = server.requests(file.path()).size();

        file.throttle(0);
        fixture.service().start(paused.id());
        Transfer done = fixture.awaitState(paused.id(), TransferState.COMPLETED);

        List<RecordedRequest> resumed = server.requests(file.path()).subList(before,
                server.requests(file.path()).size());
        assertTrue(resumed.stream().anyMatch(request -> request.rangeStart().orElse(-1) == CHUNK),
                "the slice with the damage again from the chunk's start " + CHUNK + " (its bytes reached " + prefix
                        + "): " + resumed.stream().map(request -> request.header("Range").orElse("whole")).toList());
        assertTrue(resumed.stream().allMatch(request -> request.rangeStart().isPresent()), "all ranged");
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()), "the file is the server's");
        assertEquals(file.sha256(), done.sha256().orElseThrow(), "the SHA-256 told is the file's");
    }

    /** @return how many bytes from the start of {@code part} are the server's */
    private static long matchingPrefix(Path part, byte[] expected) {
        try {
            byte[] actual = Files.readAllBytes(part);
            int length = Math.min(actual.length, expected.length);
            int mismatch = java.util.Arrays.mismatch(actual, 0, length, expected, 0, length);
            return mismatch < 0 ? length : mismatch;
        } catch (IOException notYet) {
            return 0;
        }
    }

    /** Overwrites {@code length} bytes at {@code position} with other bytes than those there. */
    private static void overwrite(Path file, long position, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.allocate(length);
            channel.read(bytes, position);
            for (int i = 0; i < length; i++) {
                bytes.put(i, (byte) ~bytes.get(i));
            }
            channel.write(bytes.flip(), position);
        }
    }
}
