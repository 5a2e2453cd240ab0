package dev.bgtransfer.remote.internal.client;

/**
 * The service answering on the socket speaks another version of the wire: its message says which,
 * and how to make way for a service of this version.
 */
public final class IncompatibleServiceException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final long serviceVersion;

    IncompatibleServiceException(String message, long serviceVersion) {
        super(message);
        this.serviceVersion = serviceVersion;
    }

    /** @return the version of the wire the service speaks */
    public long serviceVersion() {
        return serviceVersion;
    }
}
