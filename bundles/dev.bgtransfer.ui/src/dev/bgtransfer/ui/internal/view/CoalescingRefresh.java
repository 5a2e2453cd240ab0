package dev.bgtransfer.ui.internal.view;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.progress.UIJob;

import dev.bgtransfer.ui.internal.Messages;

/**
 * Runs the view's refresh on the UI thread at most once per {@link #DELAY_MS}, however many
 * events arrive: the first request after a refresh schedules the next one, later requests join it.
 */
final class CoalescingRefresh extends UIJob {

    /** The shortest time between two refreshes of the view. */
    static final long DELAY_MS = 100;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final Runnable refresh;
    private volatile boolean disposed;

    CoalescingRefresh(Display display, Runnable refresh) {
        super(display, Messages.refreshJob);
        this.refresh = refresh;
        setSystem(true);
    }

    /** Asks for a refresh within {@link #DELAY_MS}; callable on any thread, cheap when one is pending. */
    void request() {
        if (!disposed && requested.compareAndSet(false, true)) {
            schedule(DELAY_MS);
        }
    }

    @Override
    public IStatus runInUIThread(IProgressMonitor monitor) {
        requested.set(false);
        if (!disposed) {
            refresh.run();
        }
        return Status.OK_STATUS;
    }

    /** Stops refreshing for good. */
    void dispose() {
        disposed = true;
        cancel();
    }
}
