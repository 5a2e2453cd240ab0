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
 * listener runs under the engine's lock or on a download's thread.
 */
final class EventDispatcher implements AutoCloseable {
    private final Supplier<Collection<TransferListener>> listeners;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread named = new Thread(runnable, "bgtransfer events");
        named.setDaemon(true);
        return named;
    });

    EventDispatcher(Supplier<Collection<TransferListener>> listeners) {
        this.listeners = listeners;
    }

    /**
     * Tells {@code event} to the listeners registered now that are still registered when it is
     * delivered: a listener registered later never hears what happened before, one that went away
     * hears nothing more.
     */
    void post(TransferEvent event) {
        List<TransferListener> registered = List.copyOf(listeners.get());
        try {
            thread.execute(() -> deliver(event, registered));
        } catch (RejectedExecutionException closed) {
            // the service is shutting down: nobody is left to tell
        }
    }

    private void deliver(TransferEvent event, List<TransferListener> registeredAtPost) {
        for (TransferListener listener : registeredAtPost) {
            if (!containsSame(listeners.get(), listener)) {
                continue; // gone since the event was posted
            }
            try {
                listener.transferChanged(event);
            } catch (RuntimeException | LinkageError broken) {
                ILog.of(EventDispatcher.class).error("A transfer listener failed: " + listener, broken);
            }
        }
    }

    private static boolean containsSame(Collection<TransferListener> listeners, TransferListener wanted) {
        for (TransferListener listener : listeners) {
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
