package dev.bgtransfer.core.internal;

import java.time.Duration;
import java.util.Optional;

import dev.bgtransfer.core.TransferFailure;

/** A failure of one attempt, with the reason a person reads and whether trying again may help. */
final class TransferException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient TransferFailure failure;
    private final boolean transientFailure;
    private final transient Duration retryAfter;
    private boolean noSpace;

    TransferException(TransferFailure failure, boolean transientFailure, Throwable cause) {
        this(failure, transientFailure, null, cause);
    }

    /** @param retryAfter how long the server asked to wait before a retry, or {@code null} */
    TransferException(TransferFailure failure, boolean transientFailure, Duration retryAfter, Throwable cause) {
        super(failure.message(), cause);
        this.failure = failure;
        this.transientFailure = transientFailure;
        this.retryAfter = retryAfter;
    }

    static TransferException permanent(TransferFailure.Kind kind, String message) {
        return new TransferException(new TransferFailure(kind, message), false, null);
    }

    /** @return a disk failure that waiting for room may cure */
    static TransferException noSpace(TransferFailure failure, Throwable cause) {
        TransferException noSpace = new TransferException(failure, false, cause);
        noSpace.noSpace = true;
        return noSpace;
    }

    /** @return whether the disk was full */
    boolean isNoSpace() {
        return noSpace;
    }

    TransferFailure failure() {
        return failure;
    }

    /** @return the wait the server asked for (Retry-After) */
    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** @return whether a later attempt may succeed (a network fault, a server's 5xx) */
    boolean isTransient() {
        return transientFailure;
    }
}
