package dev.bgtransfer.ui.internal.handlers;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.ui.internal.TransferCalls;
import dev.bgtransfer.ui.internal.dialogs.ChangeUrlDialog;

/** Asks for a new URL for the selected download and gives it to the service, which keeps its bytes where it can. */
public final class ChangeUrlHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        List<Transfer> selected = SelectedTransfers.of(event);
        if (selected.size() != 1) {
            return null;
        }
        Transfer transfer = selected.getFirst();
        ChangeUrlDialog dialog = new ChangeUrlDialog(HandlerUtil.getActiveShell(event), transfer);
        if (dialog.open() == Window.OK) {
            dialog.url().ifPresent(url -> TransferCalls.run(Messages.changeUrlJob,
                    service -> service.changeUrl(transfer.id(), url)));
        }
        return null;
    }
}
