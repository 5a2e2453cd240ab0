package dev.bgtransfer.ui.internal.view;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferState;

/** A progress bar with the percentage, painted in the cell. */
final class ProgressColumn extends OwnerDrawnColumn {
    private static final int BAR_HEIGHT = 16;
    private static final int INSET = 6;
    private static final Color RUNNING = new Color(45, 115, 200);
    private static final Color PAUSED = new Color(130, 150, 175);
    private static final Color COMPLETED = new Color(40, 150, 70);
    private static final Color FAILED = new Color(200, 60, 50);
    private static final Color TEXT_ON_FILL = new Color(255, 255, 255);

    /** The percentage as the row's texts show it, at most a second behind the bar's (see {@link TransferRow}). */
    @Override
    String text(TransferRow row) {
        return percent(row.transfer());
    }

    private static String percent(Transfer transfer) {
        double fraction = transfer.fractionDone();
        if (transfer.state() == TransferState.CANCELLED || fraction < 0) {
            return ""; //$NON-NLS-1$
        }
        return NLS.bind(Messages.percent, (int) Math.floor(fraction * 100));
    }

    /**
     * @param cellWidth the width of the cell
     * @return how many pixels of the bar the row's latest progress fills
     */
    static int fill(TransferRow row, int cellWidth) {
        int width = Math.max(0, cellWidth - 2 * INSET);
        return (int) Math.round(width * Math.max(0, row.latest().fractionDone()));
    }

    @Override
    void paint(Event event, TransferRow row, Rectangle cell) {
        GC gc = event.gc;
        Rectangle bar = new Rectangle(cell.x + INSET, cell.y + (cell.height - BAR_HEIGHT) / 2,
                Math.max(0, cell.width - 2 * INSET), BAR_HEIGHT);
        if (bar.width <= 2) {
            return;
        }
        int filled = fill(row, cell.width);
        row.painted(filled, cell.width);
        Color oldForeground = gc.getForeground();
        Color oldBackground = gc.getBackground();
        gc.setAntialias(SWT.ON);
        Palette palette = Palette.of(event);
        gc.setBackground(palette.track);
        gc.fillRoundRectangle(bar.x, bar.y, bar.width, bar.height, 6, 6);
        if (filled > 0) {
            gc.setBackground(fillColor(row.latest().state()));
            gc.fillRoundRectangle(bar.x, bar.y, filled, bar.height, 6, 6);
        }
        gc.setForeground(palette.trackBorder);
        gc.drawRoundRectangle(bar.x, bar.y, bar.width - 1, bar.height - 1, 6, 6);
        // painted from the latest progress, with the bar: both move together, the cell's text follows within a second
        String text = percent(row.latest());
        if (!text.isEmpty()) {
            Point extent = gc.textExtent(text);
            int x = bar.x + (bar.width - extent.x) / 2;
            int y = bar.y + (bar.height - extent.y) / 2;
            Rectangle clip = gc.getClipping();
            // the part of the text over the filled bar in white, the rest dark
            gc.setClipping(clip.intersection(new Rectangle(bar.x, bar.y, filled, bar.height)));
            gc.setForeground(TEXT_ON_FILL);
            gc.drawText(text, x, y, true);
            gc.setClipping(clip.intersection(new Rectangle(bar.x + filled, bar.y, bar.width - filled, bar.height)));
            gc.setForeground(palette.trackText);
            gc.drawText(text, x, y, true);
            gc.setClipping(clip);
        }
        gc.setForeground(oldForeground);
        gc.setBackground(oldBackground);
    }

    private static Color fillColor(TransferState state) {
        return switch (state) {
            case COMPLETED -> COMPLETED;
            case FAILED -> FAILED;
            case PAUSED, CANCELLED, QUEUED -> PAUSED;
            case RUNNING -> RUNNING;
        };
    }
}
