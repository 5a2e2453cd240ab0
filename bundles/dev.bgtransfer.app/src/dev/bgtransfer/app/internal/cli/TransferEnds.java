package dev.bgtransfer.app.internal.cli;

import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferListener;

/**
 * Wakes a waiting command as soon as a transfer changes state, instead of at its next progress
 * tick: a small file is reported the moment it is done. Registered as a listener service
 * (whiteboard) like any other bundle's.
 */
final class TransferEnds implements TransferListener, AutoCloseable {
    private final ServiceRegistration<TransferListener> registration;
    private long changes;

    private TransferEnds() {
        BundleContext context = FrameworkUtil.getBundle(TransferEnds.class).getBundleContext();
        registration = context.registerService(TransferListener.class, this, null);
    }

    static TransferEnds listen() {
        return new TransferEnds();
    }

    @Override
    public synchronized void transferChanged(TransferEvent event) {
        if (!(event instanceof TransferEvent.Progress)) {
            changes++;
            notifyAll();
        }
    }

    /** @return a mark to pass to {@link #awaitChangeSince(long, long)} */
    synchronized long mark() {
        return changes;
    }

    /** Returns when a change came after {@code mark} or after {@code millis}, whichever is first. */
    synchronized void awaitChangeSince(long mark, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long left;
        while (changes == mark && (left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
