package dev.bgtransfer.remote.internal.composite;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.remote.internal.client.IncompatibleServiceException;
import dev.bgtransfer.remote.internal.client.RemoteTransfers;

/**
 * The per-user service as this process reaches it: connected when first needed. When it cannot be
 * reached then, this process goes on without it for the rest of its life, which the log says once;
 * once connected, the client connects again by itself after the service went away.
 * <p>
 * Given a way to start the daemon, a connection that finds none answering starts one (the first
 * connection, a call that finds the daemon gone), and a call that failed because the daemon went
 * away is tried once more with the new one (one the daemon carried out but did not answer before it
 * died is then carried out twice). A listing starts one only where a daemon ran before:
 * once this process was connected, or when the state folder holds a store ({@code inUse}); elsewhere
 * it connects to a daemon that runs and otherwise gives nothing, deciding nothing. A start that
 * failed is not tried again for a minute, so that calls meanwhile do not wait for it again and again.
 */
final class DaemonLink implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DaemonLink.class.getName());
    private static final long NO_RESTART_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Supplier<RemoteTransfers> connect;
    private final Consumer<RemoteTransfers> whenConnected;
    private final Optional<Runnable> start;
    private final BooleanSupplier inUse;
    private Optional<RemoteTransfers> remote; // guarded by this; null until tried
    private String unreachable; // guarded by this: why it could not be reached
    private String startFailure; // guarded by this: why the last start failed
    private long noStartBefore; // guarded by this: System.nanoTime() before which no start is tried
    private volatile boolean awayLogged; // a listing logged that the daemon is away, since it last answered

    /**
     * @param connect       connects to the service, throwing an {@link IllegalStateException} with a
     *                      sentence when it cannot
     * @param whenConnected told of the client once it connected
     * @param start         starts the daemon and waits until it serves, throwing an
     *                      {@link IllegalStateException} with a sentence when it cannot; empty when
     *                      this process may not start it
     * @param inUse         whether a daemon ran before for the state folder, so that a listing may start one
     */
    DaemonLink(Supplier<RemoteTransfers> connect, Consumer<RemoteTransfers> whenConnected, Optional<Runnable> start,
            BooleanSupplier inUse) {
        this.connect = connect;
        this.whenConnected = whenConnected;
        this.start = start;
        this.inUse = inUse;
    }

    /** @return the client of the service, connecting (starting the daemon if allowed) on the first call; empty when that failed */
    synchronized Optional<RemoteTransfers> connected() {
        if (remote == null) {
            try {
                attach(connectStarting());
            } catch (IllegalStateException notReached) {
                unreachable = notReached.getMessage();
                LOG.log(Level.WARNING, NLS.bind(Messages.unreachable, unreachable));
                remote = Optional.empty();
            }
        }
        return remote;
    }

    private void attach(RemoteTransfers client) {
        client.addDisconnectListener(sentence -> LOG.log(Level.WARNING, sentence));
        remote = Optional.of(client);
        whenConnected.accept(client);
    }

    /** @return the client when this process has one, or a daemon runs, or one may be started for a listing */
    private synchronized Optional<RemoteTransfers> forListing() {
        if (remote != null || start.isPresent() && inUse.getAsBoolean()) {
            return connected();
        }
        try {
            attach(connect.get());
            return remote;
        } catch (IncompatibleServiceException other) {
            return connected(); // said once, as for any first connection
        } catch (IllegalStateException noneRuns) {
            return Optional.empty(); // nothing to list; the first call that needs the daemon decides
        }
    }

    private RemoteTransfers connectStarting() {
        return startingIfNone(connect);
    }

    /** @return what {@code attempt} gives, tried once more after starting the daemon when none answered and this process may */
    private <T> T startingIfNone(Supplier<T> attempt) {
        try {
            return attempt.get();
        } catch (IncompatibleServiceException other) {
            throw other;
        } catch (IllegalStateException notRunning) {
            if (start.isEmpty()) {
                throw notRunning;
            }
            startDaemon();
            return attempt.get();
        }
    }

    /**
     * @return the client of the service
     * @throws IllegalStateException with the sentence that says why the service could not be reached
     */
    synchronized RemoteTransfers required() {
        return connected().orElseThrow(() -> new IllegalStateException(unreachable));
    }

    /**
     * @return what {@code call} answers on the daemon; a call that fails because the daemon went
     *         away is tried once more once a new one runs (when this process may start one)
     * @throws IllegalStateException with a sentence when the daemon cannot be reached, or as the call does
     */
    <T> T call(Function<RemoteTransfers, T> call) {
        RemoteTransfers client = required();
        try {
            return call.apply(client);
        } catch (IllegalStateException failed) {
            if (client.isConnected() || start.isEmpty()) {
                throw failed; // the service's own answer, or a daemon this process does not replace
            }
            revive(client);
            return call.apply(client);
        }
    }

    /** As {@link #call(Function)}, for a call that answers nothing. */
    void run(Consumer<RemoteTransfers> call) {
        call(client -> {
            call.accept(client);
            return null;
        });
    }

    /**
     * @return what {@code listing} gives of the daemon, starting it again when it went away (when
     *         this process may); empty when it cannot be reached, which the log says once until it
     *         answers again
     */
    <T> Optional<T> listing(Function<RemoteTransfers, T> listing) {
        Optional<RemoteTransfers> client = forListing();
        if (client.isEmpty()) {
            return Optional.empty(); // said once when it was first needed, or none ran
        }
        try {
            if (!client.get().isConnected()) {
                revive(client.get());
            }
            T answer = call(listing);
            awayLogged = false;
            return Optional.of(answer);
        } catch (IllegalStateException away) {
            if (!awayLogged) {
                awayLogged = true;
                LOG.log(Level.WARNING, NLS.bind(Messages.listingWithoutDaemon, away.getMessage()));
            }
            return Optional.empty();
        }
    }

    /** Connects {@code client} again, starting a daemon first when none answers and this process may. */
    private synchronized void revive(RemoteTransfers client) {
        startingIfNone(() -> {
            client.reconnect();
            return client;
        });
    }

    private synchronized void startDaemon() {
        if (startFailure != null && System.nanoTime() - noStartBefore < 0) {
            throw new IllegalStateException(startFailure);
        }
        try {
            start.orElseThrow().run();
            startFailure = null;
        } catch (IllegalStateException failed) {
            startFailure = failed.getMessage();
            noStartBefore = System.nanoTime() + NO_RESTART_NANOS;
            throw failed;
        }
    }

    @Override
    public synchronized void close() {
        if (remote != null) {
            remote.ifPresent(RemoteTransfers::close);
        }
    }
}
