package dev.bgtransfer.remote.internal.wire;

/** A message that is not what this wire's protocol allows: broken JSON, a missing or mistyped field. */
public final class WireException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WireException(String message) {
        super(message);
    }
}
