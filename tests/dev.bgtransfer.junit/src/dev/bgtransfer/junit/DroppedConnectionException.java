package dev.bgtransfer.junit;

import java.io.IOException;

/**
 * Thrown out of a body write after the connection was closed on purpose ({@link TestFile#dropAfter}),
 * to abort the exchange in the HttpCore server; never reported as a server error.
 */
final class DroppedConnectionException extends IOException {

    private static final long serialVersionUID = 1L;

    DroppedConnectionException(long bodyBytes) {
        super("Connection dropped on purpose after " + bodyBytes + " body bytes");
    }
}
