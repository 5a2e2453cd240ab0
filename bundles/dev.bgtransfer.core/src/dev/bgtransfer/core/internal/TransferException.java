package dev.bgtransfer.core.internal;

import dev.bgtransfer.core.TransferFailure;

/** A failure of one attempt, with the reason a person reads and whether trying again may help. */
final class TransferException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient TransferFailure failure;
    private final boolean transientFailure;

    TransferException(TransferFailure failure, boolean transientFailure, Throwable cause) {
        super(failure.message(), cause);
        this.failure = failure;
        this.transientFailure = transientFailure;
    }

    static TransferException permanent(TransferFailure.Kind kind, String message) {
        return new TransferException(new TransferFailure(kind, message), false, null);
    }

    TransferFailure failure() {
        return failure;
    }

    /** @return whether a later attempt may succeed (a network fault, a server's 5xx) */
    boolean isTransient() {
        return transientFailure;
    }
}
