package dev.bgtransfer.remote.internal.composite;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.remote.internal.client.RemoteTransfers;

/**
 * The per-user service as this process reaches it: connected when first needed. When it cannot be
 * reached then, this process goes on without it until it runs again, which the log says once;
 * once connected, the client connects again by itself after the service went away.
 */
final class DaemonLink implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DaemonLink.class.getName());

    private final Supplier<RemoteTransfers> connect;
    private final Consumer<RemoteTransfers> whenConnected;
    private Optional<RemoteTransfers> remote; // guarded by this; null until tried
    private String unreachable; // guarded by this: why it could not be reached

    /**
     * @param connect       connects to the service, throwing an {@link IllegalStateException} with a
     *                      sentence when it cannot
     * @param whenConnected told of the client once it connected
     */
    DaemonLink(Supplier<RemoteTransfers> connect, Consumer<RemoteTransfers> whenConnected) {
        this.connect = connect;
        this.whenConnected = whenConnected;
    }

    /** @return the client of the service, connecting on the first call; empty when that failed */
    synchronized Optional<RemoteTransfers> connected() {
        if (remote == null) {
            try {
                RemoteTransfers client = connect.get();
                client.addDisconnectListener(sentence -> LOG.log(Level.WARNING, sentence));
                remote = Optional.of(client);
                whenConnected.accept(client);
            } catch (IllegalStateException notReached) {
                unreachable = notReached.getMessage();
                LOG.log(Level.WARNING, NLS.bind(Messages.unreachable, unreachable));
                remote = Optional.empty();
            }
        }
        return remote;
    }

    /**
     * @return the client of the service
     * @throws IllegalStateException with the sentence that says why the service could not be reached
     */
    synchronized RemoteTransfers required() {
        return connected().orElseThrow(() -> new IllegalStateException(unreachable));
    }

    @Override
    public synchronized void close() {
        if (remote != null) {
            remote.ifPresent(RemoteTransfers::close);
        }
    }
}
