package dev.bgtransfer.core.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferSession;

/**
 * The sessions the engine knows: the default one, those opened in this process or before a restart
 * (their configuration stored), and those that stored transfers name without a stored configuration
 * (they run as default ones, under the service's options, until their owner opens them). Guarded by
 * the engine's lock.
 */
final class Sessions {
    private final Map<String, Session> byIdentifier = new HashMap<>();
    private TransferOptions serviceOptions;

    /** One session's configuration (none until opened) and its batch of transfers to announce. */
    private static final class Session {
        final String identifier;
        private SessionConfiguration configuration;
        final FinishedBatch batch = new FinishedBatch();

        private Session(String identifier) {
            this.identifier = identifier;
        }
    }

    Sessions(TransferOptions serviceOptions) {
        this.serviceOptions = serviceOptions;
    }

    /** @return the session, known from now on */
    private Session get(String identifier) {
        return byIdentifier.computeIfAbsent(identifier, Session::new);
    }

    /**
     * Opens {@code identifier} under {@code configuration}, which replaces the one it had.
     *
     * @param hasTransfers whether transfers of the session are held or stored; asked only when the
     *                     session would move into or out of memory, as it reads the store
     * @throws IllegalArgumentException when the session has transfers and would move into or out of
     *                                  memory (ephemeral to stored, or back)
     */
    void open(String identifier, SessionConfiguration configuration, BooleanSupplier hasTransfers) {
        Session session = get(identifier);
        boolean wasEphemeral = isEphemeral(identifier);
        if (wasEphemeral != (configuration.kind() == SessionKind.EPHEMERAL) && hasTransfers.getAsBoolean()) {
            throw new IllegalArgumentException(NLS.bind(wasEphemeral ? RequestMessages.sessionInMemory
                    : RequestMessages.sessionStored, identifier, configuration.kind().name().toLowerCase(Locale.ROOT)));
        }
        session.configuration = configuration;
    }

    /** Takes up the configurations the store kept of sessions opened before a restart. */
    void adopt(Map<String, SessionConfiguration> stored) {
        stored.forEach((identifier, configuration) -> get(identifier).configuration = configuration);
    }

    FinishedBatch batchOf(String identifier) {
        return get(identifier).batch;
    }

    /**
     * @return the announcement of the session's batch, once every transfer of it has completed or
     *         failed (a queued, running or paused one holds it back) and the session announces
     */
    Optional<TransferEvent.AllFinished> allFinished(String identifier) {
        Session session = get(identifier);
        return session.batch.end(identifier).filter(finished -> configurationOf(session).announcesAllFinished());
    }

    /** Forgets the session: asked for again, it is new. */
    void forget(String identifier) {
        byIdentifier.remove(identifier);
    }

    /**
     * @return whether the session runs as a default one under the service's options: the default
     *         session, and one nobody opened
     */
    private static boolean followsTheService(Session session) {
        return session.configuration == null || session.identifier.equals(TransferSession.DEFAULT_IDENTIFIER);
    }

    private SessionConfiguration configurationOf(Session session) {
        SessionConfiguration given = session.configuration;
        if (!followsTheService(session)) {
            return given;
        }
        return given == null ? SessionConfiguration.of(SessionKind.DEFAULT).withOptions(serviceOptions)
                : new SessionConfiguration(SessionKind.DEFAULT, serviceOptions, given.announcesAllFinished(),
                        given.downloadFolder());
    }

    SessionConfiguration configurationOf(String identifier) {
        return configurationOf(get(identifier));
    }

    /** Asked at every save of a record: builds nothing. */
    boolean isEphemeral(String identifier) {
        Session session = byIdentifier.get(identifier);
        return session != null && !followsTheService(session)
                && session.configuration.kind() == SessionKind.EPHEMERAL;
    }

    /**
     * Asked whenever the queue looks for a free slot: builds nothing.
     *
     * @return the options a transfer of the session runs under: its own, the per-host limit within the service's
     */
    TransferOptions optionsOf(String identifier) {
        Session session = byIdentifier.get(identifier);
        return session == null || followsTheService(session) ? serviceOptions : session.configuration.options();
    }

    /** @return the session's own limit of connections per host */
    int limitPerHost(String identifier) {
        return Math.min(optionsOf(identifier).maxConnectionsPerHost(), serviceOptions.maxConnectionsPerHost());
    }

    void setServiceOptions(TransferOptions options) {
        serviceOptions = options;
    }
}
