package dev.bgtransfer.core.internal;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ILog;

import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferListener;

/**
 * Delivers events to the listeners on one thread, in the order they were posted, so that no
 * listener runs under the engine's lock or on a download's thread. An event is delivered once every
 * change queued for the store before it was posted is committed: a change is stored before it is
 * announced, and the engine does not wait for the commit under its lock.
 */
final class EventDispatcher implements AutoCloseable {
    private final Supplier<Collection<SessionListener>> listeners;
    private final SessionStores store;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread named = new Thread(runnable, "bgtransfer events");
        named.setDaemon(true);
        return named;
    });

    /** @param store whose queued changes an event waits for */
    EventDispatcher(Supplier<Collection<SessionListener>> listeners, SessionStores store) {
        this.listeners = listeners;
        this.store = store;
    }

    /**
     * Tells {@code event} to the listeners registered now that are still registered when it is
     * delivered: a listener registered later never hears what happened before, one that went away
     * hears nothing more.
     */
    void post(TransferEvent event) {
        List<SessionListener> registered = List.copyOf(listeners.get());
        long stored = store.queuedWrites();
        try {
            thread.execute(() -> {
                try {
                    store.awaitStored(stored);
                } catch (RuntimeException storeFault) {
                    // logged where the batch failed; the listeners still hear what happened
                }
                deliver(event, registered);
            });
        } catch (RejectedExecutionException closed) {
            // the service is shutting down: nobody is left to tell
        }
    }

    private void deliver(TransferEvent event, List<SessionListener> registeredAtPost) {
        for (SessionListener registered : registeredAtPost) {
            if (!registered.hears(event) || !containsSame(listeners.get(), registered)) {
                continue; // another session's, or gone since the event was posted
            }
            TransferListener listener = registered.listener();
            try {
                listener.transferChanged(event);
            } catch (RuntimeException | LinkageError broken) {
                ILog.of(EventDispatcher.class).error("A transfer listener failed: " + listener, broken);
            }
        }
    }

    private static boolean containsSame(Collection<SessionListener> listeners, SessionListener wanted) {
        for (SessionListener listener : listeners) {
            if (listener == wanted) {
                return true;
            }
        }
        return false;
    }

    /** Delivers what was posted, then stops. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
