package dev.bgtransfer.ui.internal.handlers;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.ui.internal.TransferCalls;

/**
 * Removes the selected transfers from the list (Delete key, context menu). An unfinished one is
 * stopped and its partial bytes deleted; a completed file stays on disk, and so, always, does the
 * file an upload sends: it is the person's own, and no choice here offers to delete it.
 */
public final class RemoveHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        List<Long> ids = SelectedTransfers.of(event).stream().map(Transfer::id).toList();
        if (!ids.isEmpty()) {
            TransferCalls.run(Messages.removeJob, service -> ids.forEach(id -> service.remove(id, false)));
        }
        return null;
    }
}
