package dev.bgtransfer.remote.internal.composite;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

import dev.bgtransfer.core.TransferListener;
import dev.bgtransfer.remote.internal.client.RemoteTransfers;

/**
 * Tells the listener services of this framework what happens in the per-user service, as its own
 * service tells them what happens here: each hears the events of its {@link TransferListener#SESSION}
 * (or of every session), with the ids {@link RemoteIds mapped}, in order, on the client's event
 * thread. While the service is away they hear nothing of it; what happened meanwhile is not told.
 */
final class DaemonEventRelay {
    private record Relayed(Optional<String> session, Runnable removal) {
    }

    private static final Runnable NOT_SUBSCRIBED = () -> {
    };

    private final Map<TransferListener, Relayed> listeners = new IdentityHashMap<>(); // guarded by this
    private RemoteTransfers remote; // guarded by this; null until connected

    synchronized void add(TransferListener listener, Optional<String> session) {
        listeners.put(listener, new Relayed(session, remote == null ? NOT_SUBSCRIBED : subscribe(listener, session)));
    }

    synchronized void remove(TransferListener listener) {
        Relayed gone = listeners.remove(listener);
        if (gone != null) {
            gone.removal().run();
        }
    }

    /** Relays from now on what {@code connected} hears to the listeners added before and after. */
    synchronized void attach(RemoteTransfers connected) {
        remote = connected;
        listeners.replaceAll((listener, relayed) -> new Relayed(relayed.session(), subscribe(listener, relayed.session())));
    }

    private Runnable subscribe(TransferListener listener, Optional<String> session) {
        return remote.addListener(event -> listener.transferChanged(RemoteIds.mapped(event)), session);
    }
}
