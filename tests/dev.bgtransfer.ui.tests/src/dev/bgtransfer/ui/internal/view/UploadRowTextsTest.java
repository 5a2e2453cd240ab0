package dev.bgtransfer.ui.internal.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.ui.tests.Snapshots;

/** What an upload's row says in each column, beside what a download's says. */
class UploadRowTextsTest {
    private static final long MB = 1_000_000;
    private static final long SECOND = 1_000_000_000L;

    @Test
    void theDirectionColumnSaysWhichWayTheBytesGo() {
        DirectionColumn direction = new DirectionColumn();
        TransferRow upload = row(upload(TransferState.RUNNING, MB));
        TransferRow download = row(Snapshots.transfer(2, TransferState.RUNNING, MB, 4 * MB));

        assertEquals("Upload", direction.text(upload));
        assertEquals("Upload", direction.getToolTipText(upload));
        assertEquals("Download", direction.text(download));
        assertEquals("Download", direction.getToolTipText(download));
    }

    @Test
    void anUploadsSizeSaysTheBytesWereSent() {
        assertEquals("1.0 MB / 4.0 MB sent", SizeColumn.text(upload(TransferState.RUNNING, MB)));
        assertEquals("1.0 MB / 4.0 MB sent", SizeColumn.text(upload(TransferState.PAUSED, MB)));
        assertEquals("4.0 MB sent", SizeColumn.text(upload(TransferState.COMPLETED, 4 * MB)));
        assertEquals("", SizeColumn.text(upload(TransferState.CANCELLED, 0)));
        assertEquals("1.0 MB / 4.0 MB", SizeColumn.text(Snapshots.transfer(2, TransferState.RUNNING, MB, 4 * MB)));
        assertEquals("4.0 MB", SizeColumn.text(Snapshots.transfer(2, TransferState.COMPLETED, 4 * MB, 4 * MB)));
    }

    @Test
    void aRunningUploadShowsItsSpeedAndTimeLeftAsADownloadDoes() {
        StatusColumn status = new StatusColumn();
        TransferRow upload = new TransferRow(upload(TransferState.RUNNING, 0), 0);
        TransferRow download = new TransferRow(Snapshots.transfer(2, TransferState.RUNNING, 0, 4 * MB), 0);
        assertEquals("Uploading\u2026", status.text(upload));
        assertEquals("Downloading\u2026", status.text(download));

        upload.update(upload(TransferState.RUNNING, MB), SECOND);
        download.update(Snapshots.transfer(2, TransferState.RUNNING, MB, 4 * MB), SECOND);
        assertEquals("1.0 MB/s \u2014 3 s left", status.text(upload));
        assertEquals(status.text(download), status.text(upload));
    }

    @Test
    void aCompletedUploadSaysUploadedAndWhereItWent() {
        ControlsColumn controls = new ControlsColumn();
        StatusColumn status = new StatusColumn();
        TransferRow upload = row(upload(TransferState.COMPLETED, 4 * MB));
        TransferRow download = row(Snapshots.transfer(2, TransferState.COMPLETED, 4 * MB, 4 * MB));

        assertEquals("Uploaded", controls.text(upload));
        assertEquals("Sent to example.org", status.text(upload));
        assertEquals("https://example.org/report.pdf", status.getToolTipText(upload));
        assertEquals("Ready", controls.text(download));
        assertEquals("Saved as file-2.bin", status.text(download));
    }

    private static Transfer upload(TransferState state, long sent) {
        return Snapshots.upload(1, "report.pdf", state, sent, 4 * MB);
    }

    private static TransferRow row(Transfer transfer) {
        return new TransferRow(transfer, 0);
    }
}
