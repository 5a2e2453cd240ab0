package dev.bgtransfer.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.junit.SmallDisk;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.ui.internal.view.ViewDriver;

/**
 * A download whose disk is full says in its row what is missing where, and finishes by itself
 * once there is room; saves {@code target/screenshots/waiting-for-space.png}.
 */
class WaitingForSpaceTest extends WorkbenchTest {

    @Test
    void theStatusSaysHowMuchRoomIsMissingOnWhichDisk() throws Exception {
        try (SmallDisk disk = SmallDisk.mount("size=4m")) {
            try {
                Path filler = disk.fill();
                TestFile file = server.addFile("/files/debian-13-netinst.iso", 3_000_000, 41);
                fixture.service().download(TransferRequest.of(server.uri(file.path()), disk.root()));
                view.waitForRows(1);

                String status = view.waitForCellStartingWith(0, ViewDriver.STATUS,
                        "Waiting for disk space: about ");
                assertTrue(status.endsWith(" MB more needed on " + disk.root()
                        + " (tmpfs). The download continues by itself once there is room."), status);
                view.screenshotMaximized("waiting-for-space");

                Files.delete(filler);
                view.waitForCell(0, ViewDriver.CONTROLS, "Ready");
            } finally {
                fixture.service().resetAll(); // before the disk goes
            }
        }
    }
}
