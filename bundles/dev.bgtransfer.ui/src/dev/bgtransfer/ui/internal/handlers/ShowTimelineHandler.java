package dev.bgtransfer.ui.internal.handlers;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.ui.internal.dialogs.TimelineDialog;

/** Opens the timeline of the first selected transfer, the one the row menu was opened on. */
public final class ShowTimelineHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        List<Transfer> selected = SelectedTransfers.of(event);
        if (!selected.isEmpty()) {
            new TimelineDialog(HandlerUtil.getActiveShell(event), selected.getFirst()).open();
        }
        return null;
    }
}
