package dev.bgtransfer.core.internal.http;

import java.time.Duration;
import java.util.Optional;

import dev.bgtransfer.core.TransferFailure;

/** A failure of one attempt, with the reason a person reads and whether trying again may help. */
public final class TransferException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient TransferFailure failure;
    private final boolean transientFailure;
    private final transient Duration retryAfter;
    private boolean noSpace;
    /** The HTTP status that made it, or 0. */
    private int status;

    public TransferException(TransferFailure failure, boolean transientFailure, Throwable cause) {
        this(failure, transientFailure, null, cause);
    }

    /** @param retryAfter how long the server asked to wait before a retry, or {@code null} */
    public TransferException(TransferFailure failure, boolean transientFailure, Duration retryAfter, Throwable cause) {
        super(failure.message(), cause);
        this.failure = failure;
        this.transientFailure = transientFailure;
        this.retryAfter = retryAfter;
    }

    public static TransferException permanent(TransferFailure.Kind kind, String message) {
        return new TransferException(new TransferFailure(kind, message), false, null);
    }

    /** @return a disk failure that waiting for room may cure */
    public static TransferException noSpace(TransferFailure failure, Throwable cause) {
        TransferException noSpace = new TransferException(failure, false, cause);
        noSpace.noSpace = true;
        return noSpace;
    }

    /** @return a failure made by the HTTP status {@code status} */
    static TransferException ofStatus(int status, TransferFailure failure, boolean transientFailure, Duration retryAfter) {
        TransferException refused = new TransferException(failure, transientFailure, retryAfter, null);
        refused.status = status;
        return refused;
    }

    /** @return the HTTP status the server answered, when the failure is that answer; else 0 */
    public int status() {
        return status;
    }

    /** @return whether the disk was full */
    public boolean isNoSpace() {
        return noSpace;
    }

    public TransferFailure failure() {
        return failure;
    }

    /** @return the wait the server asked for (Retry-After) */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** @return whether a later attempt may succeed (a network fault, a server's 5xx) */
    public boolean isTransient() {
        return transientFailure;
    }

    /** @return the detail of {@code error} a sentence can name: its message, or its kind when it has none */
    public static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
