package dev.bgtransfer.remote.internal.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.bgtransfer.core.DataRequest;
import dev.bgtransfer.core.DataResponse;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferSession;

/**
 * The data tasks of remote sessions, run by a service in this process: a data task is never
 * stored and its answer is wanted here, so sending it to the server would only add a hop and lose
 * it with the connection. Each remote session's tasks run in an ephemeral session of the local
 * service under the remote session's options, named apart so that it meets none of the local
 * service's own sessions.
 */
final class LocalDataTasks implements AutoCloseable {
    private static final String PREFIX = "dev.bgtransfer.remote.data:";

    private final TransferService local;
    private final Map<String, TransferSession> sessions = new HashMap<>();

    LocalDataTasks(TransferService local) {
        this.local = local;
    }

    /** Runs {@code request} under {@code configuration}'s options, as the session {@code identifier}'s. */
    CompletableFuture<DataResponse> fetch(String identifier, SessionConfiguration configuration, DataRequest request) {
        return sessionFor(identifier, configuration).fetch(request);
    }

    /** Runs {@code request} in the local service's default session, under its options. */
    CompletableFuture<DataResponse> fetch(DataRequest request) {
        return local.fetch(request);
    }

    private synchronized TransferSession sessionFor(String identifier, SessionConfiguration configuration) {
        SessionConfiguration inMemory = new SessionConfiguration(SessionKind.EPHEMERAL, configuration.options(),
                false, configuration.downloadFolder());
        TransferSession session = sessions.get(identifier);
        if (session == null || !session.configuration().equals(inMemory)) {
            session = local.session(PREFIX + identifier, inMemory);
            sessions.put(identifier, session);
        }
        return session;
    }

    /** Cancels the session {@code identifier}'s data tasks under way, as its invalidation does. */
    void invalidate(String identifier) {
        TransferSession session;
        synchronized (this) {
            session = sessions.remove(identifier);
        }
        if (session != null) {
            session.invalidate();
        }
    }

    /** Cancels every data task under way. */
    @Override
    public void close() {
        List<String> identifiers;
        synchronized (this) {
            identifiers = List.copyOf(sessions.keySet());
        }
        identifiers.forEach(this::invalidate);
    }
}
