package dev.bgtransfer.core;

/**
 * What a {@link TransferListener} hears. Events for one transfer arrive in the order they happened,
 * after the change was stored.
 */
public sealed interface TransferEvent {

    /** A transfer was added to the service. */
    record Added(Transfer transfer) implements TransferEvent {
    }

    /** A transfer moved from {@code previous} to {@code transfer.state()}. */
    record StateChanged(Transfer transfer, TransferState previous) implements TransferEvent {
    }

    /** Bytes arrived; at most about ten of these per second per transfer. */
    record Progress(Transfer transfer) implements TransferEvent {
    }

    /** The file is verified and under its final name, {@code transfer.file()}. */
    record Completed(Transfer transfer) implements TransferEvent {
    }

    /** The transfer failed; {@code transfer.failure()} says why. */
    record Failed(Transfer transfer) implements TransferEvent {
    }

    /** A transfer was removed from the service. */
    record Removed(Transfer transfer) implements TransferEvent {
    }

    /**
     * Nothing is queued or running any more, after at least one transfer ran.
     *
     * @param completed transfers that completed since the previous such event
     * @param failed    transfers that failed since the previous such event
     */
    record AllFinished(int completed, int failed) implements TransferEvent {
    }
}
