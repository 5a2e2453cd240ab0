package dev.bgtransfer.ui.internal.view;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;

/**
 * Which way a row's bytes go: a white arrow in a disc, down on the view icon's blue for a download,
 * up on green for an upload. The cell's text, "Download" or "Upload", is what a screen reader and
 * the tooltip say.
 */
final class DirectionColumn extends OwnerDrawnColumn {
    /** The column's width in pixels: the disc and a little air. */
    static final int WIDTH = 28;
    private static final int DIAMETER = 16;
    private static final Color DOWNLOAD = new Color(38, 122, 214);
    private static final Color UPLOAD = new Color(30, 145, 105);
    private static final Color ARROW = new Color(255, 255, 255);
    /** A downward arrow around the disc's centre: a shaft and a head, as x, y pairs. */
    private static final int[] DOWN_ARROW = { -1, -5, 1, -5, 1, 0, 4, 0, 0, 5, -4, 0, -1, 0 };

    @Override
    String text(TransferRow row) {
        return row.isUpload() ? Messages.directionUpload : Messages.directionDownload;
    }

    @Override
    public String getToolTipText(Object element) {
        return text((TransferRow) element);
    }

    @Override
    void paint(Event event, TransferRow row, Rectangle cell) {
        GC gc = event.gc;
        Color oldBackground = gc.getBackground();
        gc.setAntialias(SWT.ON);
        int x = cell.x + (cell.width - DIAMETER) / 2;
        int y = cell.y + (cell.height - DIAMETER) / 2;
        boolean upload = row.isUpload();
        gc.setBackground(upload ? UPLOAD : DOWNLOAD);
        gc.fillOval(x, y, DIAMETER, DIAMETER);
        gc.setBackground(ARROW);
        gc.fillPolygon(arrow(x + DIAMETER / 2, y + DIAMETER / 2, upload));
        gc.setBackground(oldBackground);
    }

    /** @return the arrow's polygon around ({@code cx}, {@code cy}), pointing up for an upload */
    private static int[] arrow(int cx, int cy, boolean up) {
        int[] points = new int[DOWN_ARROW.length];
        for (int i = 0; i < points.length; i += 2) {
            points[i] = cx + DOWN_ARROW[i];
            points[i + 1] = cy + (up ? -DOWN_ARROW[i + 1] : DOWN_ARROW[i + 1]);
        }
        return points;
    }
}
