package dev.bgtransfer.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.ui.internal.view.ViewDriver;

/**
 * Puts a row in every state a person can meet, downloads and uploads, and saves what the screen
 * shows as {@code target/screenshots/downloads-view.png}, for a person to look at.
 */
class ScreenshotTest extends WorkbenchTest {

    @Test
    void everyStateOnScreen() throws Exception {
        // four: an upload and three downloads run, the fourth download waits
        fixture.service().setOptions(fixture.service().options().withMaxConnectionsPerHost(4));
        download(server.addFile("/files/ubuntu-24.04-netboot.tar.gz", 1_500_000, 1));
        view.waitForRows(1);
        view.waitForCell(0, ViewDriver.CONTROLS, "Ready");
        server.addResumableUpload("/uploads/report");
        upload(sourceFile("quarterly-report.pdf", 3_200_000, 8), "/uploads/report");
        view.waitForRows(2);
        view.waitForCell(1, ViewDriver.CONTROLS, "Uploaded");

        TestFile paused = server.addFile("/files/eclipse-sdk-linux-x86_64.tar.gz", 8_000_000, 2).throttle(400_000);
        Transfer pausedTransfer = download(paused);
        fixture.awaitBytes(pausedTransfer.id(), 1_000_000);
        fixture.service().pause(pausedTransfer.id());

        server.addStatus("/files/missing-release-notes.pdf", 404);
        fixture.service().download(TransferRequest.of(server.uri("/files/missing-release-notes.pdf"), folder)
                .withTitle("Release notes (PDF)"));
        server.addResumableUpload("/uploads/backup").readAt(600_000);
        upload(sourceFile("site-backup-2025-11.tar.gz", 30_000_000, 9), "/uploads/backup");
        download(server.addFile("/files/openjdk-25-linux-x64.tar.gz", 20_000_000, 3).throttle(700_000));
        download(server.addFile("/files/stream.log", 20_000_000, 4).throttle(300_000).withoutLength(true));
        download(server.addFile("/files/dataset-part-1.csv", 20_000_000, 5).throttle(300_000));
        download(server.addFile("/files/dataset-part-2.csv", 20_000_000, 6));
        add(server.addFile("/files/photos-2025.zip", 5_000_000, 7));

        view.waitForRows(10);
        Ui.waitUntil("every state shows", () -> view.column(ViewDriver.STATUS).toString()
                .matches(".*Saved as.*Sent to.*Paused.*404.*left.*left.*/s.*left.*Queued.*Stopped.*")
                && view.cell(4, ViewDriver.SIZE).endsWith(" sent"),
                () -> view.column(ViewDriver.STATUS) + " " + view.column(ViewDriver.SIZE));
        Ui.spin(600);

        Path screenshot = view.screenshotMaximized("downloads-view");

        assertTrue(Files.size(screenshot) > 10_000, screenshot + " has " + Files.size(screenshot) + " bytes");
        assertEquals(10, view.rowCount());
    }
}
