package dev.bgtransfer.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import org.eclipse.swt.widgets.Display;

import dev.bgtransfer.ui.internal.view.ViewDriver;

/**
 * Opens the Downloads view and runs the event loop one event at a time, timing what a person sees:
 * when showView returned, when every row was counted and the first one drawn, when the display went
 * idle (GTK measures rows in idle time after that), and the longest single event meanwhile, which is
 * how long the workbench did not answer input at worst.
 */
record ViewOpening(ViewDriver view, long created, long rowsDrawn, long idle, long longestEvent) {
    private static final long TIMEOUT_NANOS = 120_000_000_000L;

    static ViewOpening measure(int rows) throws Exception {
        Display display = Ui.display();
        long start = System.nanoTime();
        ViewDriver view = ViewDriver.show();
        long created = System.nanoTime() - start;
        long longest = created;
        long rowsDrawn = -1;
        while (true) {
            long before = System.nanoTime();
            boolean dispatched = display.readAndDispatch();
            long now = System.nanoTime();
            longest = Math.max(longest, now - before);
            if (rowsDrawn < 0 && view.rowCount() == rows && !view.cell(0, ViewDriver.TITLE).isEmpty()) {
                view.table().update();
                rowsDrawn = System.nanoTime() - start;
            }
            if (!dispatched) {
                if (rowsDrawn >= 0) {
                    return new ViewOpening(view, created, rowsDrawn, System.nanoTime() - start, longest);
                }
                Thread.sleep(1); // the ids are read off the UI thread
            }
            if (now - start > TIMEOUT_NANOS) {
                fail("the view did not show " + rows + " rows; it has " + view.rowCount());
            }
        }
    }

    void print() {
        BenchmarkFigures.print("view open (showView to every row counted, the first drawn)",
                BenchmarkFigures.millis(rowsDrawn), "< 1000 ms");
        BenchmarkFigures.print("  showView returned", BenchmarkFigures.millis(created), "(breakdown)");
        BenchmarkFigures.print("  the display idle", BenchmarkFigures.millis(idle), "(breakdown)");
        BenchmarkFigures.print("  the UI thread's longest single event meanwhile",
                BenchmarkFigures.millis(longestEvent), "(responsiveness)");
    }
}
