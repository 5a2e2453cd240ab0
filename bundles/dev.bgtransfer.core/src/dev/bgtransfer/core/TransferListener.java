package dev.bgtransfer.core;

/**
 * Hears what happens to transfers. Register an implementation as an OSGi service (whiteboard) and
 * the {@link TransferService} calls it on its event thread: return quickly and do not block.
 */
@FunctionalInterface
public interface TransferListener {

    /** @param event what happened */
    void transferChanged(TransferEvent event);
}
