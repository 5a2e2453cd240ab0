package dev.bgtransfer.ui.internal.view;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.ui.internal.RowOperation;
import dev.bgtransfer.ui.internal.credentials.CredentialsRetry;
import dev.bgtransfer.ui.internal.dialogs.PauseWarning;

/** Turns a left click on a painted {@link RowButton} into its operation on that row's transfer. */
final class RowClicks implements Listener {
    private final Table table;
    private final RowList rows;
    private final int column;

    RowClicks(Table table, RowList rows, int column) {
        this.table = table;
        this.rows = rows;
        this.column = column;
    }

    void install() {
        table.addListener(SWT.MouseDown, this);
    }

    @Override
    public void handleEvent(Event event) {
        if (event.button != 1) {
            return;
        }
        Point point = new Point(event.x, event.y);
        TableItem item = table.getItem(point);
        if (item == null) {
            return;
        }
        int index = table.indexOf(item);
        if (index < 0 || index >= rows.size()) {
            return;
        }
        TransferRow row = rows.get(index);
        if (row == null) {
            return;
        }
        Transfer transfer = row.transfer();
        RowButton.at(item.getBounds(column), point, transfer).ifPresent(button -> {
            RowOperation operation = button.operation(transfer.state());
            if (operation == RowOperation.RETRY && CredentialsRetry.needed(transfer)) {
                CredentialsRetry.ask(table.getShell(), transfer);
            } else if (operation != RowOperation.PAUSE || PauseWarning.confirmed(table.getShell(), List.of(transfer))) {
                operation.run(List.of(transfer));
            }
        });
    }
}
