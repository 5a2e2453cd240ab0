package dev.bgtransfer.cli.internal;

/** The command cannot go on; the message is the whole story for a person (exit status 1 unless said). */
final class CommandFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    CommandFailure(String message) {
        this(message, 1);
    }

    CommandFailure(String message, int status) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
