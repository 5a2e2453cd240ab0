package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.list;
import static dev.bgtransfer.junit.TransferFixture.partFiles;
import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.SmallDisk;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;

/**
 * A real full disk: an 8 MiB tmpfs ({@link SmallDisk}), filled by the test; skipped and reported as
 * such where mounting is not allowed. A transfer whose disk is full keeps its
 * partial file, waits for room (as long as the options allow) and continues by itself, ranged from
 * its durable bytes.
 */
class DiskFullTest extends ServiceTest {
    private static final String DISK_SIZE = "size=8m";
    private static SmallDisk disk;
    private static Path smallDisk;
    private Path filler;

    @BeforeAll
    static void mountASmallDisk() throws Exception {
        disk = SmallDisk.mount(DISK_SIZE);
        smallDisk = disk.root();
    }

    @AfterAll
    static void unmount() throws Exception {
        if (disk != null) {
            disk.close();
        }
    }

    @BeforeEach
    void resizeTheDisk() throws Exception {
        disk.remount(DISK_SIZE);
    }

    @AfterEach
    void emptyTheDisk() throws IOException {
        disk.empty();
    }

    /** Fills the disk ({@link #filler}), then downloads the file into the folder; @return it, waiting for space */
    private Transfer startOnAFullDisk(TestFile file, Path downloads) throws IOException {
        filler = disk.fill();
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), downloads));
        return awaitWaitingForSpace(started.id());
    }

    private Transfer awaitWaitingForSpace(long id) {
        return fixture.await(id, "waiting for disk space", Transfer::isWaitingForSpace);
    }

    private static String message(Transfer transfer) {
        return transfer.failure().map(TransferFailure::message).orElse("");
    }

    private static void assertNothingUnderAFinalName(Path downloads) throws IOException {
        List<String> names = list(downloads);
        assertTrue(names.stream().allMatch(name -> name.endsWith(".part")), names.toString());
    }

    @Test
    void aDiskThatFillsDuringTheWriteWaitsThenContinuesFromTheDurableBytes() throws Exception {
        // one connection per host: a transfer to another disk runs only if the waiting one gives its slot up
        fixture.service().setOptions(TransferFixture.OPTIONS.withMaxConnectionsPerHost(1));
        TestFile file = server.addFile("/files/filled-midway.bin", 6_000_000, 131).throttle(2_000_000);
        Path downloads = Files.createDirectories(smallDisk.resolve("downloads"));
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), downloads));
        fixture.awaitBytes(started.id(), 1_000_000);

        filler = disk.fill();
        Transfer waiting = awaitWaitingForSpace(started.id());

        assertEquals(TransferState.RUNNING, waiting.state());
        assertEquals(TransferFailure.Kind.DISK, waiting.failure().orElseThrow().kind());
        assertTrue(message(waiting).matches("Waiting for disk space: about [0-9.]+ MB more needed on "
                + Pattern.quote(smallDisk + " (tmpfs)")
                + "\\. The download continues by itself once there is room\\."), message(waiting));
        Path part = partFiles(downloads).getFirst();
        assertEquals(List.of(part.getFileName().toString()), list(downloads), "nothing under the final name");
        assertTrue(waiting.bytesReceived() >= 1_000_000 && waiting.bytesReceived() <= Files.size(part),
                "the partial file holds the durable bytes: " + waiting.bytesReceived() + " of " + Files.size(part));

        TransferFixture.sleep(2_500); // two looks at the disk
        Transfer stillWaiting = fixture.service().get(started.id()).orElseThrow();
        assertTrue(stillWaiting.isWaitingForSpace(), stillWaiting.toString());
        assertEquals(1, server.requests(file.path()).size(), "the server is not asked while the disk is full");

        TestFile elsewhere = server.addFile("/files/elsewhere.bin", 300_000, 133);
        Transfer other = fixture.service().download(TransferRequest.of(server.uri(elsewhere.path()), folder));
        assertEquals(elsewhere.sha256(), sha256(fixture.awaitState(other.id(), TransferState.COMPLETED).file()
                .orElseThrow()), "a transfer to another disk is not held up");

        Files.delete(filler);
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);

        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(2, server.requests(file.path()).size());
        assertEquals(waiting.bytesReceived(), server.requests(file.path()).getLast().rangeStart().orElseThrow(),
                "continued from the durable bytes");
        assertEquals(List.of("filled-midway.bin"), list(downloads));
        List<TimelineEntry> waits = fixture.service().timeline(started.id()).stream()
                .filter(entry -> entry.kind() == TimelineEntry.Kind.SPACE_WAIT).toList();
        assertEquals(2, waits.size(), "the wait's start and end in the timeline: " + waits);
        assertTrue(waits.get(0).facts().get("reason").contains(smallDisk.toString()), waits.get(0).toString());
        assertEquals("There is room again.", waits.get(1).facts().get("reason"));
        assertTrue(Duration.parse(waits.get(1).facts().get("waited")).toMillis() >= 2_500, waits.get(1).toString());
    }

    @Test
    void aDiskFullBeforeTheFirstByteWaitsThenDownloads() throws Exception {
        TestFile file = server.addFile("/files/no-room-at-all.bin", 1_500_000, 132);
        Path downloads = Files.createDirectories(smallDisk.resolve("downloads"));
        Transfer waiting = startOnAFullDisk(file, downloads);

        assertTrue(message(waiting).startsWith("Waiting for disk space: about 1.") // 1.5 MB less a few KB free
                && message(waiting).contains(" MB more needed on " + smallDisk + " (tmpfs)."), message(waiting));
        assertEquals(0, waiting.bytesReceived());
        assertNothingUnderAFinalName(downloads);

        Files.delete(filler);
        Transfer done = fixture.awaitState(waiting.id(), TransferState.COMPLETED);

        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(List.of("no-room-at-all.bin"), list(downloads));
    }

    /**
     * The move to the final name is a rename within the folder's file system and needs no bytes; what
     * can run out there is the inode for the final name, which is reserved (created empty) first.
     */
    @Test
    void noRoomForTheFinalNameWaitsWithEveryByteKept() throws Exception {
        try (SmallDisk inodes = SmallDisk.mount("size=8m,nr_inodes=16")) {
            try {
                assertFinalNameWaits(inodes.root());
            } finally {
                fixture.service().resetAll(); // before the disk goes
            }
        }
    }

    private void assertFinalNameWaits(Path fewInodes) throws Exception {
        TestFile file = server.addFile("/files/no-name-left.bin", 1_000_000, 134).throttle(1_000_000);
        Path downloads = Files.createDirectories(fewInodes.resolve("downloads"));
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), downloads));
        fixture.awaitBytes(started.id(), 1);
        Path inodeFiller = Files.createDirectories(fewInodes.resolve("filler"));
        for (int i = 0;; i++) {
            try {
                Files.createFile(inodeFiller.resolve("f" + i));
            } catch (IOException noInodeLeft) {
                break;
            }
        }

        Transfer waiting = awaitWaitingForSpace(started.id());

        assertEquals("Waiting for disk space on " + fewInodes
                + " (tmpfs). The download continues by itself once there is room.", message(waiting));
        assertEquals(file.size(), waiting.bytesReceived(), "every byte is durable");
        Path part = partFiles(downloads).getFirst();
        assertEquals(List.of(part.getFileName().toString()), list(downloads), "nothing under the final name");
        assertEquals(file.size(), Files.size(part));
        TransferFixture.sleep(2_500); // two looks at the disk
        assertEquals(1, server.requests(file.path()).size(), "the server is not asked while no file can be made");

        Files.delete(inodeFiller.resolve("f0"));
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);

        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(List.of("no-name-left.bin"), list(downloads));
        assertEquals(file.size(), server.requests(file.path()).getLast().rangeStart().orElseThrow(),
                "asked from the durable bytes, and the server's 416 confirmed they are complete");
    }

    @Test
    void pausingEndsTheWait() throws Exception {
        TestFile file = server.addFile("/files/paused-full.bin", 1_000_000, 135);
        Path downloads = Files.createDirectories(smallDisk.resolve("downloads"));
        Transfer started = startOnAFullDisk(file, downloads);

        fixture.service().pause(started.id());
        Transfer paused = fixture.awaitState(started.id(), TransferState.PAUSED);

        assertFalse(paused.isWaitingForSpace());
        fixture.await(started.id(), "without a Job",
                transfer -> Job.getJobManager().find(TransferService.JOB_FAMILY).length == 0);
        Files.delete(filler);
        TransferFixture.sleep(2_500); // two looks at the disk, had the wait gone on
        assertEquals(TransferState.PAUSED, fixture.service().get(started.id()).orElseThrow().state());
        assertEquals(1, server.requests(file.path()).size());
        assertNothingUnderAFinalName(downloads);

        fixture.service().start(started.id());
        assertEquals(file.sha256(),
                sha256(fixture.awaitState(started.id(), TransferState.COMPLETED).file().orElseThrow()));
    }

    @Test
    void aBoundedWaitFailsWithNoSpaceKeepsThePartialAndResumesWhenThereIsRoom() throws Exception {
        fixture.service().setOptions(TransferFixture.OPTIONS.withMaxSpaceWait(Optional.of(Duration.ofSeconds(2))));
        TestFile file = server.addFile("/files/too-big.bin", 10_000_000, 121);
        Path downloads = Files.createDirectories(smallDisk.resolve("downloads"));

        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), downloads));
        awaitWaitingForSpace(started.id());
        long waitSeen = System.nanoTime();
        Transfer failed = fixture.awaitState(started.id(), TransferState.FAILED);

        assertTrue(System.nanoTime() - waitSeen > Duration.ofMillis(1_500).toNanos(), "waited for the bound");
        TransferFailure failure = failed.failure().orElseThrow();
        assertEquals(TransferFailure.Kind.DISK, failure.kind());
        assertTrue(failure.message().startsWith("There is no space left for "), failure.message());
        assertEquals(1, server.requests(file.path()).size(), "a full disk is not retried against the server");
        Path part = partFiles(downloads).getFirst();
        assertTrue(failed.bytesReceived() > 0 && failed.bytesReceived() <= Files.size(part),
                "the partial file is kept, and the record never claims more than it holds: " + failed.bytesReceived()
                        + " of " + Files.size(part));
        assertEquals(1, list(downloads).size(), "nothing under the final name");

        disk.remount("size=20m");
        fixture.service().start(started.id());
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);

        assertTrue(server.requests(file.path()).getLast().rangeStart().orElseThrow() > 0, "resumed, not restarted");
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void aReadOnlyDiskFailsReadablyAndWritesNothing() throws Exception {
        TestFile file = server.addFile("/files/nowhere.bin", 100_000, 122);
        Path downloads = Files.createDirectories(smallDisk.resolve("read-only"));
        disk.remount("ro");
        try {
            Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), downloads));
            TransferFailure failure = fixture.awaitState(started.id(), TransferState.FAILED).failure().orElseThrow();

            assertEquals(TransferFailure.Kind.DISK, failure.kind());
            assertTrue(failure.message().startsWith("Cannot write " + downloads) && failure.message().contains("Read-only"),
                    failure.message());
            assertEquals(0, list(downloads).size());
        } finally {
            disk.remount("rw");
        }
    }
}
