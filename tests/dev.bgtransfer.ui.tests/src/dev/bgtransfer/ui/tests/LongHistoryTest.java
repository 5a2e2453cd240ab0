package dev.bgtransfer.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;
import dev.bgtransfer.ui.internal.view.ViewDriver;

/**
 * A long history of completed transfers in the real SQLite store: the service keeps none of them
 * in memory and the view holds rows only for what it showed, read a page at a time.
 */
class LongHistoryTest extends WorkbenchTest {
    private static final int STORED = 3_000;

    @Test
    void theViewReadsCompletedRowsAsItShowsThemAndHoldsFew() throws Exception {
        ViewDriver.close();
        StoredHistory.fill(StoredHistory.sqliteStore(), STORED);
        TransferFixture.restartService();
        TransferService service = fixture.service();
        assertEquals(List.of(), service.unfinished(), "completed transfers are not held as unfinished");
        assertEquals(STORED, service.ids().length);

        view = ViewDriver.open();
        Ui.waitUntil(STORED + " rows, the first one drawn",
                () -> view.rowCount() == STORED && !view.cell(0, ViewDriver.TITLE).isEmpty(),
                () -> view.rowCount() + " rows");
        assertEquals(StoredHistory.title(1), view.cell(0, ViewDriver.TITLE));
        assertEquals("Ready", view.cell(0, ViewDriver.CONTROLS));
        assertHoldsFewRows();

        // GTK measures rows it does not show while idle (asking for them: the held rows stay bounded),
        // and a scroll made before it is done may drift; scrolled again until it stays, as a person would
        Ui.waitUntil("the last rows stay at the top", () -> {
            view.table().setTopIndex(STORED - 4);
            Ui.spin(200);
            return view.table().getTopIndex() == STORED - 4;
        }, () -> "top index " + view.table().getTopIndex());
        assertEquals(StoredHistory.title(STORED), view.cell(STORED - 1, ViewDriver.TITLE));
        assertEquals("Saved as " + StoredHistory.title(STORED), view.cell(STORED - 1, ViewDriver.STATUS));
        assertHoldsFewRows();
        Ui.screenshot(Ui.page().getWorkbenchWindow().getShell(), "long-history-end");

        // a new transfer among the history is held and updated like any unfinished one
        TestFile file = server.addFile("/files/new.bin", 100_000, 5);
        Transfer added = download(file);
        view.waitForRows(STORED + 1);
        view.waitForCell(STORED, ViewDriver.CONTROLS, "Ready");
        assertEquals("new.bin", view.cell(STORED, ViewDriver.TITLE));
        assertEquals(TransferState.COMPLETED, service.get(added.id()).orElseThrow().state());
        assertEquals(List.of(), service.unfinished(), "a completed transfer leaves the service's memory");

        // removing one from the middle of the history removes its row
        long middle = service.ids()[STORED / 2];
        service.remove(middle, false);
        view.waitForRows(STORED);
        assertTrue(service.get(middle).isEmpty());
        assertEquals(StoredHistory.title(STORED / 2 + 2), view.cell(STORED / 2, ViewDriver.TITLE));
    }

    @Test
    void aHistoryLongerThanAStepIsCountedInStepsWithTheFirstRowsShownMeanwhile() throws Exception {
        int stored = 2 * ViewDriver.COUNT_STEP + 1_234;
        ViewDriver.close();
        StoredHistory.fill(StoredHistory.sqliteStore(), stored);
        TransferFixture.restartService();
        try {
            view = ViewDriver.show();
            Set<Integer> countsOnTheWay = new TreeSet<>();
            while (view.rowCount() < stored) {
                if (!Ui.display().readAndDispatch()) {
                    Thread.sleep(1); // the ids are read off the UI thread
                }
                if (view.rowCount() > 0 && view.rowCount() < stored) {
                    countsOnTheWay.add(view.rowCount());
                    assertEquals(StoredHistory.title(1), view.cell(0, ViewDriver.TITLE), "shown while counting");
                }
            }
            assertEquals(Set.of(ViewDriver.COUNT_STEP, 2 * ViewDriver.COUNT_STEP), countsOnTheWay,
                    "the rows counted a step per event");
            Ui.spin(100);
            for (int row : new int[] { 0, ViewDriver.COUNT_STEP, stored / 2, stored - 1 }) {
                view.table().showItem(view.table().getItem(row));
                Ui.spin(50);
                assertEquals(StoredHistory.title(row + 1), view.cell(row, ViewDriver.TITLE), "row " + row);
                assertEquals("Ready", view.cell(row, ViewDriver.CONTROLS), "row " + row);
            }
            assertHoldsFewRows();
            Ui.screenshot(Ui.page().getWorkbenchWindow().getShell(), "long-history-counted-in-steps");
        } finally {
            // forgotten through the store: the service's Reset would remove them one by one
            ViewDriver.close();
            StoredHistory.sqliteStore().clear();
            TransferFixture.restartService();
        }
    }

    private void assertHoldsFewRows() {
        int held = view.heldRows();
        assertTrue(held > 0 && held <= ViewDriver.SHOWN_HISTORY, held + " rows held for " + STORED + " transfers");
    }
}
