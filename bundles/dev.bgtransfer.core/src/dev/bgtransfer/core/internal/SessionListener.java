package dev.bgtransfer.core.internal;

import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferListener;

/**
 * A listener service as registered, with the session it hears.
 *
 * @param session the identifier from its {@link TransferListener#SESSION} property, or {@code null}
 *                for every session
 */
record SessionListener(TransferListener listener, String session) {

    boolean hears(TransferEvent event) {
        return session == null || session.equals(event.session());
    }
}
