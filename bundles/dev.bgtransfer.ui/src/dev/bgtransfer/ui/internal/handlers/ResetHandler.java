package dev.bgtransfer.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.bgtransfer.ui.internal.TransferCalls;
import dev.bgtransfer.ui.internal.WorkbenchSession;

/**
 * Reset, after asking: stops the transfers of the workbench's session ({@link WorkbenchSession}),
 * deletes the files and partial files its downloads wrote (never a file an upload sent) and empties the list.
 */
public final class ResetHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        boolean confirmed = MessageDialog.open(MessageDialog.CONFIRM, HandlerUtil.getActiveShell(event),
                Messages.resetTitle, Messages.resetQuestion, 0, Messages.resetButton, Messages.cancelButton) == 0;
        if (confirmed) {
            TransferCalls.run(Messages.resetJob, WorkbenchSession::reset);
        }
        return null;
    }
}
