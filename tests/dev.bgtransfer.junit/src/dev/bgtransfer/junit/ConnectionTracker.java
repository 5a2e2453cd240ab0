package dev.bgtransfer.junit;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.impl.Http1StreamListener;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.io.CloseMode;

/**
 * Creates {@link TrackedConnection}s and counts open connections and running exchanges, with
 * their peaks. For HTTPS the sockets are server-mode {@code SSLSocket}s whose handshake runs lazily
 * on the first read in the connection's worker thread, so connections are counted from the TCP
 * accept on, including those whose handshake later fails.
 */
final class ConnectionTracker implements HttpConnectionFactory<TrackedConnection>, Http1StreamListener {

    private final Set<TrackedConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger peakOpen = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger peakActive = new AtomicInteger();
    private final String scheme;
    /** The send buffer of each connection accepted from now on; 0: the system's, which grows to megabytes. */
    private volatile int sendBuffer;

    /** @param scheme {@code "http"} or {@code "https"} */
    ConnectionTracker(String scheme) {
        this.scheme = scheme;
    }

    @Override
    public TrackedConnection createConnection(Socket socket) throws IOException {
        final TrackedConnection conn = new TrackedConnection(this, scheme);
        connections.add(conn);
        peakOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        try {
            if (sendBuffer > 0) {
                socket.setSendBufferSize(sendBuffer);
            }
            conn.bind(socket);
        } catch (IOException | RuntimeException e) {
            conn.close(CloseMode.IMMEDIATE);
            throw e;
        }
        return conn;
    }

    void setSendBuffer(int bytes) {
        sendBuffer = bytes;
    }

    void connectionClosed(TrackedConnection conn) {
        if (connections.remove(conn)) {
            open.decrementAndGet();
        }
    }

    void exchangeStarted() {
        peakActive.accumulateAndGet(active.incrementAndGet(), Math::max);
    }

    void exchangeEnded() {
        active.decrementAndGet();
    }

    @Override
    public void onRequestHead(HttpConnection connection, HttpRequest request) {
        // counted by TrackedConnection when the head is parsed
    }

    @Override
    public void onResponseHead(HttpConnection connection, HttpResponse response) {
        // nothing to count
    }

    @Override
    public void onExchangeComplete(HttpConnection connection, boolean keepAlive) {
        if (connection instanceof TrackedConnection conn) {
            conn.exchangeCompleted();
        }
    }

    int openConnections() {
        return open.get();
    }

    int peakOpenConnections() {
        return peakOpen.get();
    }

    int peakConcurrentRequests() {
        return peakActive.get();
    }

    /** Sets the peaks back to the current values (zero when idle). */
    void resetPeaks() {
        peakOpen.set(open.get());
        peakActive.set(active.get());
    }

    /** Closes every connection still open, immediately. */
    void closeAll() {
        for (TrackedConnection conn : new ArrayList<>(connections)) {
            conn.close(CloseMode.IMMEDIATE);
        }
    }
}
