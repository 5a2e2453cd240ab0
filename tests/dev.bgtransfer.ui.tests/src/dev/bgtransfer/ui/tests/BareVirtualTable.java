package dev.bgtransfer.ui.tests;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** What the toolkit alone costs for a virtual table of many items: the floor under the view's opening. */
final class BareVirtualTable {

    private BareVirtualTable() {
    }

    /** @return how long setItemCount took on a shown virtual table, and from then to an idle display */
    static String measure(int items) {
        Shell shell = new Shell(Ui.display());
        try {
            shell.setLayout(new FillLayout());
            shell.setSize(900, 600);
            Table table = new Table(shell, SWT.VIRTUAL | SWT.FULL_SELECTION);
            for (int i = 0; i < 3; i++) {
                new TableColumn(table, SWT.LEFT).setWidth(200);
            }
            table.addListener(SWT.SetData, event -> {
                TableItem item = (TableItem) event.item;
                item.setText(new String[] { "row " + table.indexOf(item), "1.0 MB", "Ready" });
            });
            shell.open();
            Ui.spin(100);
            long started = System.nanoTime();
            table.setItemCount(items);
            long counted = System.nanoTime() - started;
            table.update();
            while (Ui.display().readAndDispatch()) {
                // until the display is idle
            }
            return BenchmarkFigures.millis(counted) + ", " + BenchmarkFigures.millis(System.nanoTime() - started);
        } finally {
            shell.dispose();
        }
    }
}
