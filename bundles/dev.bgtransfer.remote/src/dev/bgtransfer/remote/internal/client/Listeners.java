package dev.bgtransfer.remote.internal.client;

import java.lang.System.Logger.Level;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferListener;

/**
 * The client's listeners, told the server's events in the order they came on one thread of their
 * own: a listener may call the service, which the thread reading the socket could not wait for. As
 * with the service's own listeners, one hears what comes while it is registered, nothing more.
 */
final class Listeners implements AutoCloseable {
    /** A listener with the session it hears, or none for every session. */
    record Registered(TransferListener listener, Optional<String> session) {
        boolean hears(TransferEvent event) {
            return session.map(event.session()::equals).orElse(true);
        }
    }

    private final List<Registered> registered = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread named = new Thread(runnable, "bgtransfer remote events");
        named.setDaemon(true);
        return named;
    });

    Registered add(TransferListener listener, Optional<String> session) {
        Registered added = new Registered(listener, session);
        registered.add(added);
        return added;
    }

    /** @return whether another listener still hears {@code gone}'s session */
    boolean remove(Registered gone) {
        registered.remove(gone);
        return registered.stream().anyMatch(other -> other.session().equals(gone.session()));
    }

    /** @return the sessions some listener hears (an empty one: every session) */
    Set<Optional<String>> sessions() {
        Set<Optional<String>> sessions = new LinkedHashSet<>();
        registered.forEach(listener -> sessions.add(listener.session()));
        return sessions;
    }

    /** Tells {@code event} to the listeners registered now that are still registered when it is delivered. */
    void post(TransferEvent event) {
        List<Registered> now = List.copyOf(registered);
        run(() -> {
            for (Registered listener : now) {
                if (listener.hears(event) && registered.contains(listener)) {
                    deliver(listener.listener(), event);
                }
            }
        });
    }

    /** Runs {@code task} on the listeners' thread, after the events posted before. */
    void run(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException closed) {
            // the client was closed: nobody is left to tell
        }
    }

    private static void deliver(TransferListener listener, TransferEvent event) {
        try {
            listener.transferChanged(event);
        } catch (RuntimeException | LinkageError broken) {
            System.getLogger(Listeners.class.getName()).log(Level.ERROR,
                    NLS.bind(Messages.listenerFailed, listener), broken);
        }
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
