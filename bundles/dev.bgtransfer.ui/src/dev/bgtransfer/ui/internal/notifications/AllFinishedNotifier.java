package dev.bgtransfer.ui.internal.notifications;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.osgi.service.component.annotations.Component;

import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferListener;
import dev.bgtransfer.ui.internal.UiPreferences;

/**
 * Tells the person when every transfer has finished, whether or not the Downloads view is open: a
 * listener that lives with this bundle, not with the view. Outside a running workbench (a headless
 * application) it does nothing.
 */
@Component(service = TransferListener.class)
public final class AllFinishedNotifier implements TransferListener {

    @Override
    public void transferChanged(TransferEvent event) {
        if (!(event instanceof TransferEvent.AllFinished finished) || !PlatformUI.isWorkbenchRunning()
                || !UiPreferences.notifyWhenFinished()) {
            return;
        }
        Display display = PlatformUI.getWorkbench().getDisplay();
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (PlatformUI.isWorkbenchRunning() && !display.isDisposed()) {
                    FinishedNotification.show(display, finished);
                }
            });
        }
    }
}
