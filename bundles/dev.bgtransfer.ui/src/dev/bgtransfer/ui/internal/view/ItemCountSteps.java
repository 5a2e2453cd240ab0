package dev.bgtransfer.ui.internal.view;

import java.util.function.IntSupplier;

import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.widgets.Table;

/**
 * Brings the table's item count to the number of rows, at most {@value #STEP} more per event of the
 * UI thread. GTK appends a row to its list store for each item, about 2 µs each: a history of a
 * million counted at once held the UI thread for over two seconds before the first row showed. In
 * steps, the first rows show after one step and the workbench answers between steps while the rest
 * are counted. A count that shrinks, or grows by a step or less, is set at once.
 */
final class ItemCountSteps {
    static final int STEP = 50_000;

    private final TableViewer viewer;
    private final IntSupplier rows;
    private boolean scheduled;

    /** @param rows how many rows the table should have in the end */
    ItemCountSteps(TableViewer viewer, IntSupplier rows) {
        this.viewer = viewer;
        this.rows = rows;
    }

    /** Sets the item count, or its next step when far below; the steps after it follow by themselves. */
    void update() {
        Table table = viewer.getTable();
        if (table.isDisposed()) {
            return;
        }
        int wanted = rows.getAsInt();
        int now = table.getItemCount();
        int next = wanted - now > STEP ? now + STEP : wanted;
        if (next != now) {
            viewer.setItemCount(next);
        }
        if (next < wanted && !scheduled) {
            scheduled = true;
            table.getDisplay().asyncExec(() -> {
                scheduled = false;
                update();
            });
        }
    }
}
