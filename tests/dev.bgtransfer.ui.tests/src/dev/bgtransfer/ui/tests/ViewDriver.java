package dev.bgtransfer.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.ui.PartInitException;

import dev.bgtransfer.ui.internal.view.DownloadsTable;
import dev.bgtransfer.ui.internal.view.DownloadsView;
import dev.bgtransfer.ui.internal.view.RowButton;

/** Opens the Downloads view and reads and clicks it like a person: by what the table shows. */
final class ViewDriver {
    private static final Pattern PERCENT = Pattern.compile("(\\d+)%");

    private final DownloadsView view;

    private ViewDriver(DownloadsView view) {
        this.view = view;
    }

    static ViewDriver open() throws PartInitException {
        DownloadsView view = (DownloadsView) Ui.page().showView(DownloadsView.ID);
        Ui.spin(50);
        return new ViewDriver(view);
    }

    static void close() {
        var reference = Ui.page().findViewReference(DownloadsView.ID);
        if (reference != null) {
            Ui.page().hideView(reference);
        }
        Ui.spin(50);
    }

    DownloadsView view() {
        return view;
    }

    Table table() {
        return view.viewer().getTable();
    }

    int rowCount() {
        return table().getItemCount();
    }

    String cell(int row, int column) {
        return table().getItem(row).getText(column);
    }

    List<String> column(int column) {
        List<String> texts = new ArrayList<>();
        for (int row = 0; row < rowCount(); row++) {
            texts.add(cell(row, column));
        }
        return texts;
    }

    /** @return the index of the row titled {@code title} */
    int row(String title) {
        List<String> titles = column(DownloadsTable.TITLE);
        int index = titles.indexOf(title);
        if (index < 0) {
            fail("No row titled " + title + " in " + titles);
        }
        return index;
    }

    /** @return the percentage the progress cell shows, or -1 when it shows none */
    int percent(int row) {
        Matcher matcher = PERCENT.matcher(cell(row, DownloadsTable.PROGRESS));
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** @return the row's texts, for failure messages */
    String describe(int row) {
        if (row >= rowCount()) {
            return "no row " + row + " (" + rowCount() + " rows)";
        }
        List<String> cells = new ArrayList<>();
        for (int column = 0; column < table().getColumnCount(); column++) {
            cells.add(cell(row, column));
        }
        return cells.toString();
    }

    void waitForCell(int row, int column, String expected) {
        Ui.waitUntil("row " + row + " column " + column + " shows '" + expected + "'",
                () -> row < rowCount() && expected.equals(cell(row, column)), () -> describe(row));
    }

    /** @return the cell's text once it starts with {@code prefix} */
    String waitForCellStartingWith(int row, int column, String prefix) {
        Ui.waitUntil("row " + row + " column " + column + " starts with '" + prefix + "'",
                () -> row < rowCount() && cell(row, column).startsWith(prefix), () -> describe(row));
        return cell(row, column);
    }

    void waitForRows(int count) {
        Ui.waitUntil(count + " rows", () -> rowCount() == count, () -> column(DownloadsTable.TITLE).toString());
    }

    /** Clicks the row's painted button with a real mouse click in the middle of it. */
    void click(int row, RowButton button) {
        Table table = table();
        TableItem item = table.getItem(row);
        table.showItem(item);
        Ui.spin(20);
        Rectangle bounds = button.bounds(item.getBounds(DownloadsTable.CONTROLS));
        Ui.click(table, new Point(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2));
    }

    /** Selects the row as a click on it does, telling the viewer, and gives the table the focus. */
    void select(int row) {
        Table table = table();
        table.setFocus();
        table.setSelection(row);
        table.notifyListeners(SWT.Selection, new Event());
        Ui.spin(20);
    }

    /** Presses the view's tool bar item whose text (or tooltip) is {@code label}. */
    void toolbar(String label) {
        IToolBarManager manager = view.getViewSite().getActionBars().getToolBarManager();
        ToolBar toolBar = ((ToolBarManager) manager).getControl();
        for (ToolItem item : toolBar.getItems()) {
            if (label.equals(item.getText()) || label.equals(item.getToolTipText())) {
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
}
