package dev.bgtransfer.ui.internal.view;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.progress.UIJob;


/**
 * Runs the view's refresh on the UI thread with at least {@link #DELAY_MS} between the end of one
 * refresh and the start of the next, however many events arrive: the first request after a refresh
 * schedules the next one, later requests join it. After a quiet spell the refresh runs at once, so a
 * click or the view's opening shows without delay.
 */
final class CoalescingRefresh extends UIJob {

    /** The shortest time between two refreshes of the view. */
    static final long DELAY_MS = 400;

    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile long lastRefreshEnd = System.nanoTime() - DELAY_MS * 1_000_000;
    private volatile boolean refreshing;
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
            long sinceLast = (System.nanoTime() - lastRefreshEnd) / 1_000_000;
            schedule(refreshing ? DELAY_MS : Math.max(0, DELAY_MS - sinceLast));
        }
    }

    @Override
    public IStatus runInUIThread(IProgressMonitor monitor) {
        refreshing = true;
        requested.set(false); // before the refresh drains the feed: what arrives later asks again
        try {
            if (!disposed) {
                refresh.run();
            }
        } finally {
            lastRefreshEnd = System.nanoTime();
            refreshing = false;
        }
        return Status.OK_STATUS;
    }

    /** Stops refreshing for good. */
    void dispose() {
        disposed = true;
        cancel();
    }
}
