package dev.bgtransfer.ui.internal.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferListener;
import dev.bgtransfer.ui.internal.TransferCalls;

/**
 * The Downloads view's ear: a {@link TransferListener} service registered while the view is open,
 * like any other bundle's listener. It only queues what it hears and wakes the view's coalescing
 * refresh; it never touches a widget, so the service's event thread is never held up.
 */
final class TransferFeed implements TransferListener, AutoCloseable {
    private final Queue<FeedItem> pending = new ConcurrentLinkedQueue<>();
    private final Runnable wake;
    private ServiceRegistration<TransferListener> registration;

    /** @param wake called (on any thread) when something was queued */
    TransferFeed(Runnable wake) {
        this.wake = wake;
    }

    /**
     * Starts listening, then reads the unfinished transfers and every id once, off the UI thread.
     * In that order: a transfer added in between is then among the ids, and read when shown.
     */
    void open(BundleContext context) {
        registration = context.registerService(TransferListener.class, this, null);
        TransferCalls.run(Messages.readTransfers, service -> {
            List<Transfer> unfinished = service.unfinished();
            offer(new FeedItem.Snapshot(service.ids(), unfinished));
        });
    }

    @Override
    public void transferChanged(TransferEvent event) {
        offer(new FeedItem.Event(event));
    }

    private void offer(FeedItem item) {
        pending.add(item);
        wake.run();
    }

    /** @return what arrived since the last call, in order */
    List<FeedItem> drain() {
        List<FeedItem> items = new ArrayList<>();
        for (FeedItem item = pending.poll(); item != null; item = pending.poll()) {
            items.add(item);
        }
        return items;
    }

    @Override
    public void close() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
            registration = null;
        }
        pending.clear();
    }
}
