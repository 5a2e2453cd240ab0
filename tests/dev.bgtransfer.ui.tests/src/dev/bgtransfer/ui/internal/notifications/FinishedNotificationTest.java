package dev.bgtransfer.ui.internal.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.ui.tests.Snapshots;

/** What the all-finished popup says: how many completed and failed, then which. */
class FinishedNotificationTest {

    @Test
    void completedOnly() {
        assertEquals("1 download completed.\nCompleted: a.iso", text(List.of(completed("a.iso")), List.of()));
        assertEquals("2 downloads completed.\nCompleted: a.iso, b.iso",
                text(List.of(completed("a.iso"), completed("b.iso")), List.of()));
    }

    @Test
    void failedOnly() {
        assertEquals("1 download failed.\nFailed: gone.bin", text(List.of(), List.of(failed("gone.bin"))));
    }

    @Test
    void bothSayHowManyOfEachThenWhich() {
        assertEquals("1 download completed, 2 failed.\nCompleted: a.iso\nFailed: x.bin, y.bin",
                text(List.of(completed("a.iso")), List.of(failed("x.bin"), failed("y.bin"))));
    }

    @Test
    void moreThanFiveTitlesAreCounted() {
        List<Transfer> seven = LongStream.rangeClosed(1, 7).mapToObj(n -> completed(n + ".bin")).toList();

        assertEquals("7 downloads completed.\nCompleted: 1.bin, 2.bin, 3.bin, 4.bin, 5.bin and 2 more",
                text(seven, List.of()));
    }

    @Test
    void uploadsAreCalledUploadsAndBothKindsTransfers() {
        Transfer sent = Snapshots.upload(1, "report.pdf", TransferState.COMPLETED, 10, 10);
        Transfer refused = Snapshots.upload(2, "big.iso", TransferState.FAILED, 0, 10);
        TransferEvent.AllFinished uploads = finished(List.of(sent), List.of(refused));
        TransferEvent.AllFinished both = finished(List.of(completed("a.iso")), List.of(refused));

        assertEquals("1 upload completed, 1 failed.\nCompleted: report.pdf\nFailed: big.iso",
                FinishedNotification.text(uploads));
        assertEquals("Uploads finished", FinishedNotification.title(uploads));
        assertEquals("1 transfer completed, 1 failed.\nCompleted: a.iso\nFailed: big.iso",
                FinishedNotification.text(both));
        assertEquals("Transfers finished", FinishedNotification.title(both));
        assertEquals("Downloads finished", FinishedNotification.title(finished(List.of(completed("a.iso")), List.of())));
    }

    @Test
    void whatFinishedWhileAwaySaysSoFirst() {
        assertEquals("While the application was closed:\n1 download completed, 1 failed.\nCompleted: a.iso\nFailed: x.bin",
                FinishedNotification.textWhileAway(finished(List.of(completed("a.iso")), List.of(failed("x.bin")))));
    }

    private static TransferEvent.AllFinished finished(List<Transfer> completed, List<Transfer> failed) {
        return new TransferEvent.AllFinished(TransferSession.DEFAULT_IDENTIFIER, completed, failed);
    }

    private static String text(List<Transfer> completed, List<Transfer> failed) {
        return FinishedNotification.text(new TransferEvent.AllFinished(TransferSession.DEFAULT_IDENTIFIER, completed, failed));
    }

    private static Transfer completed(String title) {
        return Snapshots.titled(title.hashCode(), title, TransferState.COMPLETED, 10, 10);
    }

    private static Transfer failed(String title) {
        return Snapshots.titled(title.hashCode(), title, TransferState.FAILED, 0, 10);
    }
}
