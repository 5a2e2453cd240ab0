package dev.bgtransfer.ui.internal.notifications;

import java.util.Set;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferListener;
import dev.bgtransfer.ui.internal.TransferCalls;
import dev.bgtransfer.ui.internal.UiPreferences;
import dev.bgtransfer.ui.internal.WorkbenchSession;

/**
 * Tells the person when every transfer has finished, whether or not the Downloads view is open: a
 * listener that lives with this bundle, not with the view. It also keeps the {@link UnderWayRecord}
 * of the workbench's own session, and when it starts (with the workbench) tells what of that record
 * finished while no workbench listened, as iOS tells an app relaunched for its background session
 * ({@link FinishedWhileAway}). Outside a running workbench (a headless application) it tells nothing.
 */
@Component(service = TransferListener.class)
public final class AllFinishedNotifier implements TransferListener {
    private final UnderWayRecord record;

    @Activate
    public AllFinishedNotifier() {
        record = new UnderWayRecord(InstanceScope.INSTANCE.getNode(UiPreferences.NODE));
        Set<Long> atStart = record.ids();
        if (!atStart.isEmpty()) {
            // on a Job: the service is binding this listener now, and asking it for transfers may reach the daemon
            TransferCalls.run(Messages.checkWhileAwayJob, service -> {
                if (PlatformUI.isWorkbenchRunning()) { // else the record waits for a start with a workbench
                    FinishedWhileAway.check(service, record, atStart).ifPresent(finished -> show(finished, true));
                }
            });
        }
    }

    @Deactivate
    void deactivate() {
        record.close();
    }

    @Override
    public void transferChanged(TransferEvent event) {
        if (WorkbenchSession.IDENTIFIER.equals(event.session())) {
            record.heard(event);
        }
        if (event instanceof TransferEvent.AllFinished finished) {
            show(finished, false);
        }
    }

    private static void show(TransferEvent.AllFinished finished, boolean whileAway) {
        if (!PlatformUI.isWorkbenchRunning() || !UiPreferences.notifyWhenFinished()) {
            return;
        }
        Display display = PlatformUI.getWorkbench().getDisplay();
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (PlatformUI.isWorkbenchRunning() && !display.isDisposed()) {
                    FinishedNotification.show(display, finished, whileAway);
                }
            });
        }
    }
}
