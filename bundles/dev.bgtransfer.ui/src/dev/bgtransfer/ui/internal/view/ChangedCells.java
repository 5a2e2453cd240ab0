package dev.bgtransfer.ui.internal.view;

import org.eclipse.jface.viewers.CellLabelProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.TableItem;

/**
 * Brings the cells of a row the table holds up to date after its transfer changed, touching only
 * what shows something new: a cell whose text changed gets the new text and is repainted (GTK then
 * repaints the whole row), the progress bar alone is repainted when its fill moved by a pixel,
 * nothing else. JFace's own update of a row sets every cell's text and repaints every owner-drawn
 * cell, changed or not.
 */
final class ChangedCells {
    /** The columns whose text can change for a transfer (its direction and session never do). */
    private static final int[] CHANGING = { DownloadsTable.TITLE, DownloadsTable.CONTROLS, DownloadsTable.PROGRESS,
            DownloadsTable.SIZE, DownloadsTable.STATUS, DownloadsTable.RESUMABLE };

    private final TableViewer viewer;

    ChangedCells(TableViewer viewer) {
        this.viewer = viewer;
    }

    /** Updates the cells of {@code item}, which shows {@code row}. */
    void update(TableItem item, TransferRow row) {
        boolean progressRepainted = row.takeTextsChanged() && updateTexts(item, row);
        if (!progressRepainted && row.paintedFill() >= 0
                && ProgressColumn.fill(row, row.paintedWidth()) != row.paintedFill()) {
            repaint(item, DownloadsTable.PROGRESS);
        }
    }

    /** @return whether the progress cell was repainted */
    private boolean updateTexts(TableItem item, TransferRow row) {
        boolean progressRepainted = false;
        for (int column : CHANGING) {
            CellLabelProvider labels = viewer.getLabelProvider(column);
            String text = labels instanceof OwnerDrawnColumn painted ? painted.text(row)
                    : ((ColumnLabelProvider) labels).getText(row);
            if (!text.equals(item.getText(column))) {
                item.setText(column, text);
                if (labels instanceof OwnerDrawnColumn) {
                    repaint(item, column);
                    progressRepainted |= column == DownloadsTable.PROGRESS;
                }
            }
        }
        return progressRepainted;
    }

    private static void repaint(TableItem item, int column) {
        Rectangle cell = item.getBounds(column);
        item.getParent().redraw(cell.x, cell.y, cell.width, cell.height, false);
    }
}
