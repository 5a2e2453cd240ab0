package dev.bgtransfer.core;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life cycle of a transfer.
 *
 * <pre>
 * QUEUED -&gt; RUNNING -&gt; PAUSED | COMPLETED | FAILED | CANCELLED
 * PAUSED -&gt; QUEUED (resume), FAILED -&gt; QUEUED (retry), CANCELLED -&gt; QUEUED (start again)
 * </pre>
 *
 * A transfer that was added but never started is {@link #CANCELLED}: stopped, with no bytes kept,
 * exactly as after {@link TransferService#stop(long) stop}. A queued transfer may be paused or
 * stopped before it runs, and anything that is not completed may be stopped.
 */
public enum TransferState {
    /** Waiting for a connection slot to its host; holds no thread. */
    QUEUED,
    /** Bytes are moving; an Eclipse Job in {@link TransferService#JOB_FAMILY} runs it. */
    RUNNING,
    /** Stopped with its partial bytes and validators kept, to be resumed with a ranged request. */
    PAUSED,
    /** The file is complete, verified and under its final name. */
    COMPLETED,
    /** Ended with a reason a person can read; may be retried. */
    FAILED,
    /** Stopped (or never started): no partial bytes are kept. */
    CANCELLED;

    /** @return whether a transfer in this state holds or waits for a connection */
    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }

    /** @return whether {@link TransferService#start(long)} may queue a transfer in this state */
    public boolean canStart() {
        return this == PAUSED || this == FAILED || this == CANCELLED;
    }

    /**
     * @param next the state to move to
     * @return whether the life cycle allows the move from this state to {@code next}
     */
    public boolean canMoveTo(TransferState next) {
        return successors().contains(next);
    }

    private Set<TransferState> successors() {
        return switch (this) {
            case QUEUED -> EnumSet.of(RUNNING, PAUSED, CANCELLED);
            case RUNNING -> EnumSet.of(PAUSED, COMPLETED, FAILED, CANCELLED);
            case PAUSED, FAILED -> EnumSet.of(QUEUED, CANCELLED);
            case CANCELLED -> EnumSet.of(QUEUED);
            case COMPLETED -> EnumSet.noneOf(TransferState.class);
        };
    }
}
