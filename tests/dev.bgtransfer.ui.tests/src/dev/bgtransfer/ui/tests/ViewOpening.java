package dev.bgtransfer.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import org.eclipse.swt.widgets.Display;

import dev.bgtransfer.ui.internal.view.ViewDriver;

/**
 * Opens the Downloads view and runs the event loop one event at a time, timing what a person sees:
 * when showView returned, when the first rows were drawn, when every row was counted (a long history
 * is counted in steps), when the display went idle, and the longest single event meanwhile, which is
 * how long the workbench did not answer input at worst.
 */
record ViewOpening(ViewDriver view, long created, long firstDrawn, long allCounted, long idle, long longestEvent) {
    private static final long TIMEOUT_NANOS = 120_000_000_000L;

    static ViewOpening measure(int rows) throws Exception {
        Display display = Ui.display();
        long start = System.nanoTime();
        ViewDriver view = ViewDriver.show();
        long created = System.nanoTime() - start;
        long longest = created;
        long firstDrawn = -1;
        long allCounted = -1;
        while (true) {
            long before = System.nanoTime();
            boolean dispatched = display.readAndDispatch();
            long now = System.nanoTime();
            longest = Math.max(longest, now - before);
            if (firstDrawn < 0 && view.rowCount() > 0 && !view.cell(0, ViewDriver.TITLE).isEmpty()) {
                view.table().update();
                firstDrawn = System.nanoTime() - start;
            }
            if (allCounted < 0 && view.rowCount() == rows) {
                allCounted = System.nanoTime() - start;
            }
            if (!dispatched) {
                if (firstDrawn >= 0 && allCounted >= 0) {
                    return new ViewOpening(view, created, firstDrawn, allCounted, System.nanoTime() - start,
                            longest);
                }
                Thread.sleep(1); // the ids are read off the UI thread
            }
            if (now - start > TIMEOUT_NANOS) {
                fail("the view did not show " + rows + " rows; it has " + view.rowCount());
            }
        }
    }

    void print() {
        BenchmarkFigures.print("view open (showView to the first rows drawn)", BenchmarkFigures.millis(firstDrawn),
                "< 1000 ms");
        BenchmarkFigures.print("  showView returned", BenchmarkFigures.millis(created), "(breakdown)");
        BenchmarkFigures.print("  every row counted (the scroll bar complete)", BenchmarkFigures.millis(allCounted),
                "(breakdown)");
        BenchmarkFigures.print("  the display idle", BenchmarkFigures.millis(idle), "(breakdown)");
        BenchmarkFigures.print("  the UI thread's longest single event meanwhile",
                BenchmarkFigures.millis(longestEvent), "(responsiveness)");
    }
}
