package dev.bgtransfer.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.bgtransfer.ui.internal.TransferCalls;
import dev.bgtransfer.ui.internal.UiPreferences;
import dev.bgtransfer.ui.internal.WorkbenchSession;
import dev.bgtransfer.ui.internal.dialogs.AddDownloadDialog;

/** Asks for a URL and starts downloading it into the download folder, in the workbench's session. */
public final class AddDownloadHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        AddDownloadDialog dialog = new AddDownloadDialog(HandlerUtil.getActiveShell(event),
                UiPreferences.downloadFolder());
        if (dialog.open() == Window.OK) {
            dialog.request().ifPresent(request -> TransferCalls.run(Messages.addJob, service -> WorkbenchSession.download(service, request)));
        }
        return null;
    }
}
