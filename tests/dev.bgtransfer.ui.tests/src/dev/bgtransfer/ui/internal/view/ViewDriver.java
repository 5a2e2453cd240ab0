package dev.bgtransfer.ui.internal.view;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

import dev.bgtransfer.ui.tests.Ui;

/**
 * Opens the Downloads view and reads and clicks it like a person: by what the table shows. It lives
 * in the view's package (this test bundle is a fragment of the view's bundle), so the view's classes
 * need not be public for the tests in other packages.
 */
public final class ViewDriver {
    /** The columns, for {@link #cell(int, int)} and {@link #column(int)}. */
    public static final int DIRECTION = DownloadsTable.DIRECTION;
    public static final int TITLE = DownloadsTable.TITLE;
    public static final int CONTROLS = DownloadsTable.CONTROLS;
    public static final int PROGRESS = DownloadsTable.PROGRESS;
    public static final int SIZE = DownloadsTable.SIZE;
    public static final int STATUS = DownloadsTable.STATUS;
    public static final int SESSION = DownloadsTable.SESSION;
    public static final int RESUMABLE = DownloadsTable.RESUMABLE;
    /** At most this many completed rows are held after they were shown. */
    public static final int SHOWN_HISTORY = RowList.SHOWN_HISTORY;
    /** The most items the table is given in one event of the UI thread. */
    public static final int COUNT_STEP = ItemCountSteps.STEP;

    private static final Pattern PERCENT = Pattern.compile("(\\d+)%");

    private final DownloadsView view;

    private ViewDriver(DownloadsView view) {
        this.view = view;
    }

    public static ViewDriver open() throws PartInitException {
        ViewDriver driver = show();
        Ui.spin(50);
        return driver;
    }

    /** Shows the view and returns at once, without running the event loop (for timing what follows). */
    public static ViewDriver show() throws PartInitException {
        return new ViewDriver((DownloadsView) Ui.page().showView(DownloadsView.ID));
    }

    public static void close() {
        var reference = Ui.page().findViewReference(DownloadsView.ID);
        if (reference != null) {
            Ui.page().hideView(reference);
        }
        Ui.spin(50);
    }

    /** @return how often the view applied a batch of changes */
    public int refreshes() {
        return view.refreshes();
    }

    /** @return the rows the view holds now: unfinished transfers and completed ones shown lately */
    public int heldRows() {
        return view.rows().heldRows();
    }

    public Table table() {
        return view.viewer().getTable();
    }

    public int rowCount() {
        return table().getItemCount();
    }

    public String cell(int row, int column) {
        return table().getItem(row).getText(column);
    }

    /** @return the tooltip the cell shows when the pointer rests on it, or {@code null} */
    public String tooltip(int row, int column) {
        return view.viewer().getLabelProvider(column).getToolTipText(view.rows().get(row));
    }

    public List<String> column(int column) {
        List<String> texts = new ArrayList<>();
        for (int row = 0; row < rowCount(); row++) {
            texts.add(cell(row, column));
        }
        return texts;
    }

    /** @return the index of the row titled {@code title} */
    public int row(String title) {
        List<String> titles = column(TITLE);
        int index = titles.indexOf(title);
        if (index < 0) {
            fail("No row titled " + title + " in " + titles);
        }
        return index;
    }

    /** @return the percentage the progress cell shows, or -1 when it shows none */
    public int percent(int row) {
        Matcher matcher = PERCENT.matcher(cell(row, PROGRESS));
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** @return the row's texts, for failure messages */
    public String describe(int row) {
        if (row >= rowCount()) {
            return "no row " + row + " (" + rowCount() + " rows)";
        }
        List<String> cells = new ArrayList<>();
        for (int column = 0; column < table().getColumnCount(); column++) {
            cells.add(cell(row, column));
        }
        return cells.toString();
    }

    public void waitForCell(int row, int column, String expected) {
        Ui.waitUntil("row " + row + " column " + column + " shows '" + expected + "'",
                () -> row < rowCount() && expected.equals(cell(row, column)), () -> describe(row));
    }

    /** @return the cell's text once it starts with {@code prefix} */
    public String waitForCellStartingWith(int row, int column, String prefix) {
        Ui.waitUntil("row " + row + " column " + column + " starts with '" + prefix + "'",
                () -> row < rowCount() && cell(row, column).startsWith(prefix), () -> describe(row));
        return cell(row, column);
    }

    public void waitForRows(int count) {
        Ui.waitUntil(count + " rows", () -> rowCount() == count, () -> column(TITLE).toString());
    }

    /** @return the pixels the screen shows in the row's cell of {@code column}, as painted */
    public ImageData cellPixels(int row, int column) {
        Table table = table();
        TableItem item = table.getItem(row);
        table.showItem(item);
        Ui.spin(100);
        Rectangle cell = item.getBounds(column);
        Point origin = table.toDisplay(cell.x, cell.y);
        Image image = new Image(table.getDisplay(), cell.width, cell.height);
        GC gc = new GC(table.getDisplay());
        try {
            gc.copyArea(image, origin.x, origin.y);
            return image.getImageData();
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** Clicks the row's start/pause toggle (Retry after a failure). */
    public void clickToggle(int row) {
        click(row, RowButton.TOGGLE);
    }

    /** Clicks the row's stop button. */
    public void clickStop(int row) {
        click(row, RowButton.STOP);
    }

    /** Clicks the row's painted button with a real mouse click in the middle of it. */
    private void click(int row, RowButton button) {
        Table table = table();
        TableItem item = table.getItem(row);
        table.showItem(item);
        Ui.spin(20);
        Rectangle bounds = button.bounds(item.getBounds(CONTROLS));
        Ui.click(table, new Point(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2));
    }

    /** Gives the table the colors the workbench's dark theme gives it (its CSS sets them), and repaints. */
    public void darken() {
        Table table = table();
        table.setBackground(new Color(47, 47, 47));
        table.setForeground(new Color(204, 204, 204));
        table.redraw();
        Ui.spin(300);
    }

    /** Gives the table back the colors of the platform's theme, as {@link #darken} found them. */
    public void undarken() {
        Table table = table();
        table.setBackground(null);
        table.setForeground(null);
        table.redraw();
        Ui.spin(100);
    }

    /** @return the color on the screen just inside the left edge of the row's start/pause button: its face */
    public RGB toggleFace(int row) {
        Table table = table();
        TableItem item = table.getItem(row);
        Rectangle bounds = RowButton.TOGGLE.bounds(item.getBounds(CONTROLS));
        Point onScreen = table.toDisplay(bounds.x + 3, bounds.y + bounds.height / 2);
        Image image = new Image(table.getDisplay(), 1, 1);
        GC gc = new GC(table.getDisplay());
        try {
            gc.copyArea(image, onScreen.x, onScreen.y);
            ImageData data = image.getImageData();
            return data.palette.getRGB(data.getPixel(0, 0));
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** Selects the rows as a click on them (with Ctrl for more) does, telling the viewer, and gives the table the focus. */
    public void select(int... rows) {
        Table table = table();
        table.setFocus();
        table.setSelection(rows);
        table.notifyListeners(SWT.Selection, new Event());
        Ui.spin(20);
    }

    /**
     * Opens the row menu as a right click does (the menu fills itself when shown) and chooses its item
     * {@code label} (without its mnemonic's {@code &} and its shortcut).
     */
    public void rowMenu(String label) {
        Menu menu = table().getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        Ui.spin(50);
        List<String> labels = new ArrayList<>();
        for (MenuItem item : menu.getItems()) {
            String text = item.getText().replace("&", "").split("\t")[0];
            labels.add(text + (item.isEnabled() ? "" : " (disabled)"));
            if (label.equals(text)) {
                if (!item.isEnabled()) {
                    fail("Row menu item " + label + " is disabled");
                }
                menu.notifyListeners(SWT.Hide, new Event());
                item.notifyListeners(SWT.Selection, new Event());
                Ui.spin(20);
                return;
            }
        }
        menu.notifyListeners(SWT.Hide, new Event());
        fail("No row menu item " + label + " in " + labels);
    }

    /** Presses the view's tool bar item whose text (or tooltip, without its shortcut) is {@code label}. */
    public void toolbar(String label) {
        IToolBarManager manager = view.getViewSite().getActionBars().getToolBarManager();
        ToolBar toolBar = ((ToolBarManager) manager).getControl();
        for (ToolItem item : toolBar.getItems()) {
            String toolTip = String.valueOf(item.getToolTipText());
            // a command's tooltip names its shortcut, if any: "Add Download... (Ctrl+N)"
            if (label.equals(item.getText()) || label.equals(toolTip) || toolTip.startsWith(label + " (")) {
                if (!item.isEnabled()) {
                    fail("Tool item " + label + " is disabled");
                }
                item.notifyListeners(SWT.Selection, new Event());
                Ui.spin(20);
                return;
            }
        }
        List<String> labels = new ArrayList<>();
        for (ToolItem item : toolBar.getItems()) {
            labels.add(item.getText() + "/" + item.getToolTipText());
        }
        fail("No tool item " + label + " in " + labels);
    }

    /** How a tool bar item shows itself: its text, its tooltip, and whether it has an image. */
    public record ToolItemLook(String text, String toolTip, boolean image) {
    }

    /** @return the view's tool bar items, left to right */
    public List<ToolItemLook> toolItems() {
        ToolBar toolBar = ((ToolBarManager) view.getViewSite().getActionBars().getToolBarManager()).getControl();
        List<ToolItemLook> looks = new ArrayList<>();
        for (ToolItem item : toolBar.getItems()) {
            looks.add(new ToolItemLook(item.getText(), item.getToolTipText(), item.getImage() != null));
        }
        return looks;
    }

    /**
     * Sizes the workbench window to {@code width} by {@code height}, maximizes the view, and measures
     * its columns; then restores both.
     *
     * @return the pixels by which the columns together pass what the table shows (0 or less: every
     *         column is seen whole)
     */
    public int columnOverflowMaximized(int width, int height) {
        IWorkbenchPage page = Ui.page();
        Shell shell = page.getWorkbenchWindow().getShell();
        Rectangle bounds = shell.getBounds();
        shell.setBounds(0, 0, width, height);
        page.setPartState(page.findViewReference(DownloadsView.ID), IWorkbenchPage.STATE_MAXIMIZED);
        Ui.spin(300);
        try {
            int columns = 0;
            for (TableColumn column : table().getColumns()) {
                columns += column.getWidth();
            }
            return columns - table().getClientArea().width;
        } finally {
            page.setPartState(page.findViewReference(DownloadsView.ID), IWorkbenchPage.STATE_RESTORED);
            shell.setBounds(bounds);
            Ui.spin(100);
        }
    }

    /** Saves the workbench window with the view maximized, as {@code name.png}; then restores the view. */
    public Path screenshotMaximized(String name) throws IOException {
        IWorkbenchPage page = Ui.page();
        page.setPartState(page.findViewReference(DownloadsView.ID), IWorkbenchPage.STATE_MAXIMIZED);
        Ui.spin(300);
        try {
            return Ui.screenshot(page.getWorkbenchWindow().getShell(), name);
        } finally {
            page.setPartState(page.findViewReference(DownloadsView.ID), IWorkbenchPage.STATE_RESTORED);
        }
    }
}
