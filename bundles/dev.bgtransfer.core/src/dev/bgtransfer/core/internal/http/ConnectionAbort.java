package dev.bgtransfer.core.internal.http;

import java.util.ArrayList;
import java.util.List;

import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.io.CloseMode;

/**
 * Lets another thread break the blocking read or write of a transfer: the Job's {@code canceling()} closes
 * the socket, and the read fails at once instead of after the stall timeout.
 */
public final class ConnectionAbort {
    private HttpConnection connection;
    private boolean aborted;
    private final List<Runnable> followers = new ArrayList<>();

    synchronized void attach(HttpConnection newConnection) {
        connection = newConnection;
        if (aborted) {
            newConnection.close(CloseMode.IMMEDIATE);
        }
    }

    /**
     * Closes the current connection without marking the transfer aborted: its body is not wanted, or
     * it stalled; the blocked read or write fails with an {@code IOException}.
     */
    public synchronized void discardConnection() {
        if (connection != null) {
            connection.close(CloseMode.IMMEDIATE);
            connection = null;
        }
    }

    public void abort() {
        List<Runnable> told;
        synchronized (this) {
            aborted = true;
            discardConnection();
            told = List.copyOf(followers);
        }
        told.forEach(Runnable::run);
    }

    /**
     * Has {@code follower} run when this is aborted (at once when it is already): other connections of
     * the same transfer stop with it.
     */
    public void whenAborted(Runnable follower) {
        synchronized (this) {
            if (!aborted) {
                followers.add(follower);
                return;
            }
        }
        follower.run();
    }

    /** Forgets a follower given to {@link #whenAborted}: what it would stop has ended. */
    public synchronized void forget(Runnable follower) {
        followers.remove(follower);
    }

    public synchronized boolean isAborted() {
        return aborted;
    }
}
