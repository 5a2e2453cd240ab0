package dev.bgtransfer.ui.internal.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.bgtransfer.ui.tests.Snapshots.transfer;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.ui.tests.Ui;

/**
 * The Downloads table in a shell of its own on the real display: which cells a progress event
 * repaints, and what they show. No service: the rows get their events as the view hands them over.
 */
class ChangedCellsTest {
    private static final long SIZE = 1_000_000;

    private final RowList rows = new RowList((fromId, max) -> List.of());
    private final List<Integer> paintedColumns = new ArrayList<>();
    private Shell shell;
    private TableViewer viewer;
    private ItemCountSteps counts;
    private ChangedCells cells;
    private long nanos = 1_000_000_000L;

    @BeforeEach
    void openTable() {
        shell = new Shell(Ui.display());
        shell.setLayout(new FillLayout());
        shell.setSize(1000, 300);
        viewer = DownloadsTable.create(shell, rows);
        counts = new ItemCountSteps(viewer, rows::size);
        cells = new ChangedCells(viewer);
        shell.open();
        Transfer first = transfer(1, TransferState.RUNNING, 100_000, SIZE);
        Transfer second = transfer(2, TransferState.RUNNING, 100_000, SIZE);
        apply(new FeedItem.Snapshot(new long[] { 1, 2 }, List.of(first, second)));
        Ui.waitUntil("both rows painted", () -> table().getItemCount() == 2 && rows.get(1).paintedFill() >= 0);
        table().addListener(SWT.PaintItem, (Event event) -> {
            if (table().indexOf((TableItem) event.item) == 0) {
                paintedColumns.add(event.index);
            }
        });
        Ui.spin(200);
        paintedColumns.clear();
    }

    @AfterEach
    void closeTable() {
        shell.dispose();
    }

    @Test
    void progressWithinASecondRepaintsOnlyTheBarOfItsRow() {
        nanos += 300_000_000L;
        apply(progress(transfer(1, TransferState.RUNNING, 500_000, SIZE)));
        Ui.spin(300);

        assertTrue(paintedColumns.contains(DownloadsTable.PROGRESS), "the bar moved: " + paintedColumns);
        assertEquals(List.of(), paintedColumns.stream().filter(column -> column != DownloadsTable.PROGRESS).toList(),
                "no other cell of the row shows anything new");
        assertEquals("10%", table().getItem(0).getText(DownloadsTable.PROGRESS), "the texts follow progress once a second");
        assertEquals("100.0 KB / 1.0 MB", table().getItem(0).getText(DownloadsTable.SIZE));
        assertEquals(ProgressColumn.fill(rows.get(0), rows.get(0).paintedWidth()), rows.get(0).paintedFill(),
                "painted at 50 %");
    }

    @Test
    void aSecondLaterTheTextsShowTheNewProgress() {
        nanos += 300_000_000L;
        apply(progress(transfer(1, TransferState.RUNNING, 500_000, SIZE)));
        nanos += TransferRow.TEXT_INTERVAL_NANOS;
        apply(progress(transfer(1, TransferState.RUNNING, 700_000, SIZE)));
        Ui.spin(300);

        assertEquals("70%", table().getItem(0).getText(DownloadsTable.PROGRESS));
        assertEquals("700.0 KB / 1.0 MB", table().getItem(0).getText(DownloadsTable.SIZE));
        assertTrue(table().getItem(0).getText(DownloadsTable.STATUS).endsWith("left"),
                table().getItem(0).getText(DownloadsTable.STATUS));
        assertTrue(paintedColumns.contains(DownloadsTable.STATUS), "the status repainted: " + paintedColumns);
        assertEquals("10%", table().getItem(1).getText(DownloadsTable.PROGRESS), "the other row untouched");
    }

    @Test
    void aStateChangeShowsAtOnce() {
        nanos += 100_000_000L;
        apply(new FeedItem.Event(new TransferEvent.StateChanged(transfer(1, TransferState.PAUSED, 400_000, SIZE),
                TransferState.RUNNING)));
        Ui.spin(300);

        assertEquals("Paused", table().getItem(0).getText(DownloadsTable.STATUS));
        assertEquals("40%", table().getItem(0).getText(DownloadsTable.PROGRESS));
        assertTrue(paintedColumns.contains(DownloadsTable.CONTROLS), "the buttons repainted: " + paintedColumns);
    }

    private Table table() {
        return viewer.getTable();
    }

    private void apply(FeedItem item) {
        RowList.Applied applied = rows.apply(List.of(item), nanos);
        DownloadsTable.show(viewer, counts, cells, rows, applied, new long[0]);
    }

    private static FeedItem progress(Transfer transfer) {
        return new FeedItem.Event(new TransferEvent.Progress(transfer));
    }
}
