package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.list;
import static dev.bgtransfer.junit.TransferFixture.partFiles;
import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;

/**
 * A real full disk: a 2 MiB tmpfs. Mounting needs root (as in CI); elsewhere the test is
 * reported as skipped, never as passed.
 */
class DiskFullTest extends ServiceTest {
    private static Path smallDisk;

    @BeforeAll
    static void mountASmallDisk() throws Exception {
        smallDisk = Files.createTempDirectory("bgtransfer-small-disk");
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", smallDisk.toString()) == 0,
                "mounting a tmpfs needs root");
    }

    @AfterAll
    static void unmount() throws Exception {
        run("umount", smallDisk.toString());
        Files.deleteIfExists(smallDisk);
    }

    private static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }

    @Test
    void aReadOnlyDiskFailsReadablyAndWritesNothing() throws Exception {
        TestFile file = server.addFile("/files/nowhere.bin", 100_000, 122);
        Path downloads = Files.createDirectories(smallDisk.resolve("read-only"));
        assertEquals(0, run("mount", "-o", "remount,ro", smallDisk.toString()));
        try {
            Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), downloads));
            TransferFailure failure = fixture.awaitState(started.id(), TransferState.FAILED).failure().orElseThrow();

            assertEquals(TransferFailure.Kind.DISK, failure.kind());
            assertTrue(failure.message().startsWith("Cannot write " + downloads) && failure.message().contains("Read-only"),
                    failure.message());
            assertEquals(0, list(downloads).size());
        } finally {
            assertEquals(0, run("mount", "-o", "remount,rw", smallDisk.toString()));
        }
    }

    @Test
    void noSpaceFailsReadablyKeepsThePartialAndResumesWhenThereIsRoom() throws Exception {
        TestFile file = server.addFile("/files/too-big.bin", 5_000_000, 121);
        Path downloads = Files.createDirectories(smallDisk.resolve("downloads"));

        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), downloads));
        Transfer failed = fixture.awaitState(started.id(), TransferState.FAILED);

        TransferFailure failure = failed.failure().orElseThrow();
        assertEquals(TransferFailure.Kind.DISK, failure.kind());
        assertTrue(failure.message().startsWith("There is no space left for "), failure.message());
        assertEquals(1, server.requests(file.path()).size(), "a full disk is not retried against the server");
        Path part = partFiles(downloads).getFirst();
        assertTrue(failed.bytesReceived() > 0 && failed.bytesReceived() <= Files.size(part),
                "the partial file is kept, and the record never claims more than it holds: " + failed.bytesReceived()
                        + " of " + Files.size(part));
        assertEquals(1, list(downloads).size(), "nothing under the final name");

        assertEquals(0, run("mount", "-o", "remount,size=20m", smallDisk.toString()));
        fixture.service().start(started.id());
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);

        assertTrue(server.requests(file.path()).getLast().rangeStart().orElseThrow() > 0, "resumed, not restarted");
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
    }
}
