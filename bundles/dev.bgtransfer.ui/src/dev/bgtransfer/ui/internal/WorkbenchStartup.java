package dev.bgtransfer.ui.internal;

import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/**
 * When the workbench has started: gives the transfers' Jobs their icon in the Progress view, and
 * wakes the transfer service so that transfers left unfinished continue (when the preference says
 * so) even if the Downloads view is never opened.
 */
public final class WorkbenchStartup implements IStartup {

    @Override
    public void earlyStartup() {
        IWorkbench workbench = PlatformUI.getWorkbench();
        workbench.getDisplay().asyncExec(() -> {
            if (!workbench.isClosing()) {
                ProgressIcons.register(workbench);
            }
        });
        TransferCalls.run(Messages.startServiceJob, service -> service.options());
    }
}
