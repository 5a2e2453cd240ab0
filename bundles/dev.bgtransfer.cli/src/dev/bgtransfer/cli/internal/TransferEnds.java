package dev.bgtransfer.cli.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferListener;

/**
 * Hears which transfers changed state or went away, with the transfer as each change left it, so
 * that a waiting command looks at those the moment they change instead of re-reading every
 * transfer it waits for: a small file is reported as soon as it is done, from its event, without
 * reading the store again (a completed transfer is read from the store, not from memory). Registered
 * as a listener service (whiteboard) like any other bundle's, for one command's wait.
 */
final class TransferEnds implements TransferListener, AutoCloseable {
    private final ServiceRegistration<TransferListener> registration;
    /** The latest state of each transfer that changed since the last look; empty for one removed. */
    private Map<Long, Optional<Transfer>> changed = new LinkedHashMap<>();

    private TransferEnds() {
        BundleContext context = FrameworkUtil.getBundle(TransferEnds.class).getBundleContext();
        registration = context.registerService(TransferListener.class, this, null);
    }

    static TransferEnds listen() {
        return new TransferEnds();
    }

    @Override
    public synchronized void transferChanged(TransferEvent event) {
        switch (event) {
            case TransferEvent.StateChanged stateChanged -> changed(stateChanged.transfer().id(),
                    Optional.of(stateChanged.transfer()));
            case TransferEvent.Removed removed -> changed(removed.transfer().id(), Optional.empty());
            default -> {
                // progress and the rest change no state
            }
        }
    }

    private void changed(long id, Optional<Transfer> now) {
        changed.remove(id); // in the order of their latest change
        changed.put(id, now);
        notifyAll();
    }

    /**
     * @return the transfers that changed since the last call, each as its latest change left it
     *         (empty: removed), waiting up to {@code millis} for one
     */
    synchronized Map<Long, Optional<Transfer>> awaitChanges(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long left;
        while (changed.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        Map<Long, Optional<Transfer>> drained = changed;
        changed = new LinkedHashMap<>();
        return drained;
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
