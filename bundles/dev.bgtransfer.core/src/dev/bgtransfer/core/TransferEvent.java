package dev.bgtransfer.core;

import java.util.List;
import java.util.Objects;

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

    /** @return the identifier of the session whose transfer (or batch) the event is about */
    default String session() {
        return switch (this) {
            case Added added -> added.transfer().session();
            case StateChanged changed -> changed.transfer().session();
            case Progress progress -> progress.transfer().session();
            case Completed completed -> completed.transfer().session();
            case Failed failed -> failed.transfer().session();
            case Removed removed -> removed.transfer().session();
            case AllFinished finished -> finished.session();
        };
    }

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
     * Said per session, and only for a session whose configuration announces it.
     *
     * @param session   the identifier of the session whose transfers these are
     * @param completed the transfers of the batch that completed, in the order they did
     * @param failed    the transfers of the batch that failed and were not retried
     */
    record AllFinished(String session, List<Transfer> completed, List<Transfer> failed) implements TransferEvent {
        public AllFinished {
            Objects.requireNonNull(session, "session");
            completed = List.copyOf(completed);
            failed = List.copyOf(failed);
        }
    }
}
