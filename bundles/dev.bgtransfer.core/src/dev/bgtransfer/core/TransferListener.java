package dev.bgtransfer.core;

/**
 * Hears what happens to transfers. Register an implementation as an OSGi service (whiteboard) and
 * the {@link TransferService} calls it on its event thread: return quickly and do not block. It
 * hears what happens while it is registered: nothing that happened before its registration, and
 * nothing once it is unregistered, even when the event thread is behind.
 */
@FunctionalInterface
public interface TransferListener {

    /**
     * The service property that makes a listener hear one session only: the session's
     * {@link TransferSession#identifier()} (a String). Without it, a listener hears every session.
     */
    String SESSION = "dev.bgtransfer.session";

    /** @param event what happened */
    void transferChanged(TransferEvent event);
}
