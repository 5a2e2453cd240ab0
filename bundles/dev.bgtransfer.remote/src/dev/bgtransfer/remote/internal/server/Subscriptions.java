package dev.bgtransfer.remote.internal.server;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.bgtransfer.core.TransferEvent;

/** The sessions one client listens to: some by identifier, or every one. */
final class Subscriptions {
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean all;

    /** @param session the session to hear, or none for every session */
    void subscribe(Optional<String> session) {
        session.ifPresentOrElse(sessions::add, () -> all = true);
    }

    /** @param session the session to hear no more, or none to stop hearing every session */
    void unsubscribe(Optional<String> session) {
        session.ifPresentOrElse(sessions::remove, () -> all = false);
    }

    boolean hears(TransferEvent event) {
        return all || sessions.contains(event.session());
    }
}
