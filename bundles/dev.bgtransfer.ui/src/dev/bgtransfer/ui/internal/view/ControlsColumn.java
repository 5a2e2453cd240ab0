package dev.bgtransfer.ui.internal.view;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;

import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.ui.internal.RowOperation;

/**
 * The row's own controls, painted: a start/pause toggle (retry after a failure) and a stop button;
 * in their place once the transfer is complete, "Ready" for a download's file, "Uploaded" for an
 * upload. {@link RowClicks} makes them clickable.
 */
final class ControlsColumn extends OwnerDrawnColumn {
    /**
     * The names of the buttons that do something now ("Pause, Stop"), or "Ready": what a screen reader
     * reads for the cell, since painted buttons are no widgets of their own.
     */
    @Override
    String text(TransferRow row) {
        TransferState state = row.transfer().state();
        if (!RowButton.shown(state)) {
            return done(row);
        }
        String toggle = label(RowButton.TOGGLE.operation(state));
        return RowButton.STOP.enabled(state) ? NLS.bind(Messages.controlsNames, toggle, label(RowOperation.STOP)) : toggle;
    }

    private static String done(TransferRow row) {
        return row.isUpload() ? Messages.stateUploaded : Messages.stateReady;
    }

    @Override
    public String getToolTipText(Object element) {
        TransferState state = ((TransferRow) element).transfer().state();
        if (!RowButton.shown(state)) {
            return null;
        }
        return RowButton.STOP.enabled(state)
                ? NLS.bind(Messages.controlsTooltip, label(RowButton.TOGGLE.operation(state)))
                : label(RowButton.TOGGLE.operation(state));
    }

    static String label(RowOperation operation) {
        return switch (operation) {
            case START -> Messages.buttonStart;
            case PAUSE -> Messages.buttonPause;
            case STOP -> Messages.buttonStop;
            case RETRY -> Messages.buttonRetry;
        };
    }

    @Override
    void paint(Event event, TransferRow row, Rectangle cell) {
        GC gc = event.gc;
        Color oldForeground = gc.getForeground();
        Color oldBackground = gc.getBackground();
        gc.setAntialias(SWT.ON);
        TransferState state = row.transfer().state();
        Palette palette = Palette.of(event);
        if (RowButton.shown(state)) {
            for (RowButton button : RowButton.values()) {
                paintButton(gc, palette, button.bounds(cell), button.operation(state), button.enabled(state));
            }
        } else {
            String done = done(row);
            Point extent = gc.textExtent(done);
            gc.setForeground(selected(event) ? event.display.getSystemColor(SWT.COLOR_LIST_SELECTION_TEXT) : palette.done);
            gc.drawText(done, cell.x + 6, cell.y + (cell.height - extent.y) / 2, true);
        }
        gc.setForeground(oldForeground);
        gc.setBackground(oldBackground);
    }

    private static void paintButton(GC gc, Palette palette, Rectangle r, RowOperation operation, boolean enabled) {
        gc.setBackground(palette.buttonFace);
        gc.fillRoundRectangle(r.x, r.y, r.width, r.height, 6, 6);
        gc.setForeground(palette.buttonBorder);
        gc.drawRoundRectangle(r.x, r.y, r.width - 1, r.height - 1, 6, 6);
        Color glyph = enabled ? palette.glyph : palette.glyphDisabled;
        gc.setBackground(glyph);
        gc.setForeground(glyph);
        int cx = r.x + r.width / 2;
        int cy = r.y + r.height / 2;
        switch (operation) {
            case START -> gc.fillPolygon(new int[] { cx - 3, cy - 5, cx - 3, cy + 5, cx + 5, cy });
            case PAUSE -> {
                gc.fillRectangle(cx - 4, cy - 5, 3, 10);
                gc.fillRectangle(cx + 1, cy - 5, 3, 10);
            }
            case STOP -> gc.fillRectangle(cx - 4, cy - 4, 8, 8);
            case RETRY -> {
                int lineWidth = gc.getLineWidth();
                gc.setLineWidth(2);
                gc.drawArc(cx - 5, cy - 5, 10, 10, 90, 270);
                gc.setLineWidth(lineWidth);
                gc.fillPolygon(new int[] { cx + 2, cy + 1, cx + 9, cy + 1, cx + 5, cy - 4 });
            }
        }
    }
}
