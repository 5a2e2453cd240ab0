package dev.bgtransfer.cli.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferListener;

/**
 * Hears which transfers changed state or went away, so that a waiting command looks at those the
 * moment they change instead of re-reading every transfer it waits for: a small file is reported
 * as soon as it is done, and 500 of them cost 500 looks, not 500 per change. Registered as a
 * listener service (whiteboard) like any other bundle's, for one command's wait.
 */
final class TransferEnds implements TransferListener, AutoCloseable {
    private final ServiceRegistration<TransferListener> registration;
    private Set<Long> changed = new HashSet<>();

    private TransferEnds() {
        BundleContext context = FrameworkUtil.getBundle(TransferEnds.class).getBundleContext();
        registration = context.registerService(TransferListener.class, this, null);
    }

    static TransferEnds listen() {
        return new TransferEnds();
    }

    @Override
    public synchronized void transferChanged(TransferEvent event) {
        Long id = switch (event) {
            case TransferEvent.StateChanged stateChanged -> stateChanged.transfer().id();
            case TransferEvent.Removed removed -> removed.transfer().id();
            default -> null;
        };
        if (id != null) {
            changed.add(id);
            notifyAll();
        }
    }

    /** @return the transfers that changed since the last call, waiting up to {@code millis} for one */
    synchronized Set<Long> awaitChanges(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long left;
        while (changed.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        Set<Long> drained = changed;
        changed = new HashSet<>();
        return drained;
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
