package dev.bgtransfer.core;

import java.util.Objects;

/**
 * Why a data task ended without an answer: its message is the sentence a person reads
 * ({@link TransferFailure#message()}), its {@link #failure()} says the kind for programs. A future of
 * {@link TransferSession#fetch(DataRequest)} completes exceptionally with it.
 */
public final class DataTaskException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient TransferFailure failure;

    public DataTaskException(TransferFailure failure, Throwable cause) {
        super(Objects.requireNonNull(failure, "failure").message(), cause);
        this.failure = failure;
    }

    /** @return why the task failed */
    public TransferFailure failure() {
        return failure;
    }
}
