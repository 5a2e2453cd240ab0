package dev.bgtransfer.cli.internal;

/** The command line cannot be understood; its message says why, for a person. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
