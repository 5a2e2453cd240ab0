package dev.bgtransfer.ui.internal.view;

import org.eclipse.jface.viewers.OwnerDrawLabelProvider;
import org.eclipse.jface.viewers.ViewerCell;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TableItem;

/**
 * A column that paints its cells itself but still gives each cell its text, so that the cell reads
 * the same to a screen reader, a tooltip or a test as it looks.
 */
abstract class OwnerDrawnColumn extends OwnerDrawLabelProvider {
    /** The height rows need for the row buttons and the progress bar. */
    static final int ROW_HEIGHT = 26;

    /** @return the cell's text */
    abstract String text(TransferRow row);

    /** Paints the cell's content into {@code cell}. */
    abstract void paint(Event event, TransferRow row, Rectangle cell);

    @Override
    public void update(ViewerCell cell) {
        cell.setText(text((TransferRow) cell.getElement()));
        super.update(cell);
    }

    @Override
    protected void measure(Event event, Object element) {
        event.height = Math.max(event.height, ROW_HEIGHT);
    }

    @Override
    protected void erase(Event event, Object element) {
        // keep the native background and selection, but the text is painted by paint()
        event.detail &= ~SWT.FOREGROUND;
    }

    @Override
    protected void paint(Event event, Object element) {
        if (element instanceof TransferRow row && event.item instanceof TableItem item) {
            paint(event, row, item.getBounds(event.index));
        }
    }

    /** @return whether the cell being painted is selected (its colors are the selection's) */
    static boolean selected(Event event) {
        return (event.detail & SWT.SELECTED) != 0;
    }
}
