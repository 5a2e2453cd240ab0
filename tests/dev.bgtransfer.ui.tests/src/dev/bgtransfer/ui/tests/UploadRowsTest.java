package dev.bgtransfer.ui.tests;

import static dev.bgtransfer.junit.TransferFixture.list;
import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.UploadRequest;
import dev.bgtransfer.junit.UploadEndpoint;
import dev.bgtransfer.ui.internal.view.ViewDriver;

/**
 * Upload rows, through the real service to the test server's resumable-upload endpoints: the up
 * arrow, the bytes sent, whose upload it is, and that neither Remove nor Reset ever deletes the file
 * an upload sends. The files to upload lie in the download folder, where a careless delete would
 * find them.
 */
class UploadRowsTest extends WorkbenchTest {
    /** Larger than what the sockets buffer while the server stalls or reads slowly. */
    private static final long LARGE = 20_000_000;
    private static final long STALL_AT = 2_000_000;
    private static final long SMALL = 100_000;

    @Test
    void anUploadRowShowsTheUpArrowTheBytesSentItsSpeedAndThenUploaded() throws Exception {
        Path source = sourceFile("report.pdf", LARGE, 1);
        String sha256 = sha256(source);
        UploadEndpoint endpoint = server.addResumableUpload("/up");
        endpoint.readAt(RATE);
        Transfer added = upload(source, "/up");
        view.waitForRows(1);
        assertEquals("Upload", view.cell(0, ViewDriver.DIRECTION));
        assertEquals("Upload", view.tooltip(0, ViewDriver.DIRECTION));
        assertEquals("report.pdf", view.cell(0, ViewDriver.TITLE));

        Ui.waitUntil("bytes sent, speed and time left show",
                () -> view.cell(0, ViewDriver.SIZE).matches(".+ / 20\\.0 MB sent")
                        && view.cell(0, ViewDriver.STATUS).matches(".+/s \u2014 .+ left"),
                () -> view.describe(0));
        assertEquals("Pause, Stop", view.cell(0, ViewDriver.CONTROLS));

        view.clickToggle(0);
        view.waitForCell(0, ViewDriver.STATUS, "Paused");
        assertTrue(view.cell(0, ViewDriver.SIZE).matches(".+ / 20\\.0 MB sent"), view.describe(0));

        endpoint.readAt(0);
        view.clickToggle(0);
        view.waitForCell(0, ViewDriver.CONTROLS, "Uploaded");
        assertEquals("100%", view.cell(0, ViewDriver.PROGRESS));
        assertEquals("20.0 MB sent", view.cell(0, ViewDriver.SIZE));
        assertEquals("Sent to 127.0.0.1", view.cell(0, ViewDriver.STATUS));
        assertEquals(server.uri("/up").toString(), view.tooltip(0, ViewDriver.STATUS));
        assertEquals(sha256, endpoint.sha256(), "the server holds the file");
        assertEquals(sha256, fixture.service().get(added.id()).orElseThrow().sha256().orElseThrow());
        assertEquals(sha256, sha256(source), "the file is as it was");
    }

    @Test
    void anUploadOfAPlugInsSessionSaysWhoseItIs() throws Exception {
        Path source = sourceFile("plug-in.bin", SMALL, 2);
        server.addResumableUpload("/plug-in");
        TransferSession plugIn = fixture.service().session("dev.bgtransfer.samples",
                SessionConfiguration.of(SessionKind.DEFAULT));
        try {
            download(server.addFile("/files/mine.bin", SMALL, 3));
            plugIn.upload(UploadRequest.of(source, server.uri("/plug-in")));
            view.waitForRows(2);
            view.waitForCell(1, ViewDriver.CONTROLS, "Uploaded");

            assertEquals(List.of("Download", "Upload"), view.column(ViewDriver.DIRECTION));
            assertEquals(List.of("Workbench", "bgtransfer Sample Server"), view.column(ViewDriver.SESSION));
            assertEquals("dev.bgtransfer.samples", view.tooltip(1, ViewDriver.SESSION));
        } finally {
            plugIn.invalidate();
        }
    }

    @Test
    void removingUploadRowsNeverDeletesTheirFiles() throws Exception {
        Path done = sourceFile("done.bin", SMALL, 4);
        Path stalled = sourceFile("stalled.bin", LARGE, 5);
        List<String> sha256s = List.of(sha256(done), sha256(stalled));
        server.addResumableUpload("/done");
        server.addResumableUpload("/stalled").stallAfter(STALL_AT);
        upload(done, "/done");
        upload(stalled, "/stalled");
        view.waitForRows(2);
        view.waitForCell(0, ViewDriver.CONTROLS, "Uploaded");
        Ui.waitUntil("the stalled upload running", () -> view.cell(1, ViewDriver.SIZE).endsWith(" / 20.0 MB sent"),
                () -> view.describe(1));

        view.select(view.row("done.bin"));
        Ui.press(view.table(), SWT.DEL, (char) 127);
        view.waitForRows(1);
        view.select(view.row("stalled.bin"));
        Ui.press(view.table(), SWT.DEL, (char) 127);
        view.waitForRows(0);

        assertEquals(List.of(), fixture.service().transfers());
        assertEquals(List.of("done.bin", "stalled.bin"), list(folder), "both files, and nothing else");
        assertEquals(sha256s, List.of(sha256(done), sha256(stalled)));
    }

    @Test
    void resetDeletesWhatDownloadsWroteButNeverAnUploadedFileAndSaysSo() throws Exception {
        Path source = sourceFile("sent.bin", SMALL, 6);
        String sha256 = sha256(source);
        server.addResumableUpload("/up");
        download(server.addFile("/files/fetched.bin", SMALL, 7));
        upload(source, "/up");
        view.waitForRows(2);
        view.waitForCell(0, ViewDriver.CONTROLS, "Ready");
        view.waitForCell(1, ViewDriver.CONTROLS, "Uploaded");

        StringBuilder question = new StringBuilder();
        Ui.whenShellOpens("Reset Downloads", shell -> {
            question.append(Ui.find(shell, Label.class, label -> true).stream().map(Label::getText)
                    .collect(Collectors.joining(" ")));
            Ui.select(Ui.button(shell, "Reset"));
        });
        view.toolbar("Reset...");
        view.waitForRows(0);

        assertTrue(question.toString().contains("Files it uploaded stay where they are"), question.toString());
        assertEquals(List.of("sent.bin"), list(folder), "the download's file went, the uploaded one stayed");
        assertEquals(sha256, sha256(source));
    }
}
