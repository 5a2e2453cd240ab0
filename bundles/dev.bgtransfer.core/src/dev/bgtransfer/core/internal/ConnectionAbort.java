package dev.bgtransfer.core.internal;

import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.io.CloseMode;

/**
 * Lets another thread break the blocking read of a download: the Job's {@code canceling()} closes
 * the socket, and the read fails at once instead of after the stall timeout.
 */
final class ConnectionAbort {
    private HttpConnection connection;
    private boolean aborted;

    synchronized void attach(HttpConnection newConnection) {
        connection = newConnection;
        if (aborted) {
            newConnection.close(CloseMode.IMMEDIATE);
        }
    }

    /** Closes the current connection without marking the download aborted (an unread body). */
    synchronized void discardConnection() {
        if (connection != null) {
            connection.close(CloseMode.IMMEDIATE);
            connection = null;
        }
    }

    synchronized void abort() {
        aborted = true;
        discardConnection();
    }

    synchronized boolean isAborted() {
        return aborted;
    }
}
