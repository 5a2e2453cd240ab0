package dev.bgtransfer.cli.internal;

/** The command cannot go on; the message is the whole story for a person (exit status 1). */
final class CommandFailure extends Exception {
    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message);
    }
}
