package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.list;
import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.ExfatDisk;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;

/**
 * A completed file gets its final name as a hard link; on a disk without hard links (a real exFAT
 * through FUSE, {@link ExfatDisk}) it still gets it, never over a file that is there.
 */
class DiskWithoutHardLinksTest extends ServiceTest {
    private static ExfatDisk disk;

    @BeforeAll
    static void mountAnExfatDisk() throws Exception {
        disk = ExfatDisk.mount();
    }

    @AfterAll
    static void unmount() throws Exception {
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void completesUnderItsNameBesideAFileOfTheSameName() throws Exception {
        Path downloads = Files.createDirectory(disk.root().resolve("downloads"));
        Files.writeString(downloads.resolve("a.bin"), "someone else's");
        TestFile file = server.addFile("/a.bin", 3_000_000, 41);

        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), downloads));
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);

        assertEquals(downloads.resolve("a (1).bin"), done.file().orElseThrow());
        assertEquals(List.of("a (1).bin", "a.bin"), list(downloads));
        assertEquals(file.sha256(), sha256(downloads.resolve("a (1).bin")));
        assertEquals(file.sha256(), done.sha256().orElseThrow());
        assertEquals("someone else's", Files.readString(downloads.resolve("a.bin")));
    }
}
