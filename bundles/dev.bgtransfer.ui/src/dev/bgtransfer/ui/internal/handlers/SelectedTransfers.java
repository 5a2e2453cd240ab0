package dev.bgtransfer.ui.internal.handlers;

import java.util.List;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.ui.internal.view.TransferRow;

/** The transfers of the rows selected in the Downloads view when a command runs. */
final class SelectedTransfers {

    private SelectedTransfers() {
    }

    static List<Transfer> of(ExecutionEvent event) {
        return HandlerUtil.getCurrentStructuredSelection(event).stream()
                .filter(TransferRow.class::isInstance)
                .map(element -> ((TransferRow) element).transfer())
                .toList();
    }
}
