package dev.bgtransfer.ui.internal.handlers;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.ui.internal.RowOperation;

/**
 * Start or Pause (Space in the Downloads view), as the row's toggle button does: when any selected
 * transfer is queued or running, those are paused; otherwise each selected one that can start,
 * resume or be retried is.
 */
public final class ToggleHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        List<Transfer> selected = SelectedTransfers.of(event);
        boolean anyActive = selected.stream().anyMatch(transfer -> RowOperation.PAUSE.appliesTo(transfer.state()));
        if (anyActive) {
            RowOperationHandler.apply(RowOperation.PAUSE, selected, HandlerUtil.getActiveShell(event));
        } else {
            RowOperation.START.run(selected);
            RowOperationHandler.apply(RowOperation.RETRY, selected, HandlerUtil.getActiveShell(event));
        }
        return null;
    }
}
