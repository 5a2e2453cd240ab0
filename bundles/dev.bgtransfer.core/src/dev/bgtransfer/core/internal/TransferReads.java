package dev.bgtransfer.core.internal;

import java.util.List;
import java.util.Optional;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.spi.TransferStore;

/**
 * What the service lists and looks up, unfinished transfers as held in memory (with the bytes moved
 * since their last checkpoint), the history from the store. Each read holds the engine's lock.
 */
final class TransferReads {
    private final Object lock;
    private final LiveTransfers live;
    private final TransferStore store;
    private final Sessions sessions;

    TransferReads(Object lock, LiveTransfers live, TransferStore store, Sessions sessions) {
        this.lock = lock;
        this.live = live;
        this.store = store;
        this.sessions = sessions;
    }

    Optional<Transfer> get(long id) {
        synchronized (lock) {
            return live.find(id).map(live::snapshot);
        }
    }

    List<Transfer> transfers() {
        synchronized (lock) {
            return live.withLiveState(store.loadAll());
        }
    }

    List<Transfer> transfers(long fromId, int max) {
        synchronized (lock) {
            return live.withLiveState(store.loadPage(fromId, max));
        }
    }

    List<Transfer> unfinished() {
        synchronized (lock) {
            return live.unfinished();
        }
    }

    long[] ids() {
        synchronized (lock) {
            return store.ids();
        }
    }

    List<Transfer> transfers(String session) {
        synchronized (lock) {
            return live.withLiveState(store.loadSession(session));
        }
    }

    List<Transfer> unfinished(String session) {
        synchronized (lock) {
            return live.unfinished(session);
        }
    }

    SessionConfiguration configuration(String session) {
        synchronized (lock) {
            return sessions.configurationOf(session);
        }
    }
}
