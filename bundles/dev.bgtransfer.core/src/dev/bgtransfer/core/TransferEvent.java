package dev.bgtransfer.core;

import java.util.List;

/**
 * What a {@link TransferListener} hears. Events for one transfer arrive in the order they happened,
 * after the change was stored, and tell one consistent story: {@link Added} comes first and carries
 * the state that the first {@link StateChanged} leaves ({@link TransferState#QUEUED} for
 * {@link TransferService#download}, {@link TransferState#CANCELLED} for {@link TransferService#add});
 * each {@link StateChanged#previous()} is the state the event before it left the transfer in;
 * {@link Completed} and {@link Failed} follow the {@link StateChanged} into that state; nothing
 * follows {@link Removed}.
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
     * Every transfer queued since the previous such event has completed or failed, and nothing is
     * queued or running: the moment to tell the person. Not announced while one of them is paused
     * (it comes when that one ends); stopped and removed ones leave the batch.
     *
     * @param completed the transfers of the batch that completed, in the order they did
     * @param failed    the transfers of the batch that failed and were not retried
     */
    record AllFinished(List<Transfer> completed, List<Transfer> failed) implements TransferEvent {
        public AllFinished {
            completed = List.copyOf(completed);
            failed = List.copyOf(failed);
        }
    }
}
