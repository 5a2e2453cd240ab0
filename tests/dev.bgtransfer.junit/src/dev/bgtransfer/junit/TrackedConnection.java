package dev.bgtransfer.junit;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpServerConnection;
import org.apache.hc.core5.io.CloseMode;

/**
 * A server connection that reports its life cycle and its exchanges (request head received until
 * response body sent) to a {@link ConnectionTracker}, and lets a body drop it on purpose.
 */
final class TrackedConnection extends DefaultBHttpServerConnection {

    private final ConnectionTracker tracker;
    private final AtomicBoolean released = new AtomicBoolean();
    private final AtomicBoolean inExchange = new AtomicBoolean();

    /**
     * @param tracker the tracker to report to
     * @param scheme  {@code "http"} or {@code "https"}, the scheme HttpCore assigns to requests
     */
    TrackedConnection(ConnectionTracker tracker, String scheme) {
        super(scheme, Http1Config.DEFAULT);
        this.tracker = tracker;
    }

    @Override
    protected void onRequestReceived(ClassicHttpRequest request) {
        super.onRequestReceived(request);
        if (inExchange.compareAndSet(false, true)) {
            tracker.exchangeStarted();
        }
    }

    @Override
    public void sendResponseEntity(ClassicHttpResponse response) throws HttpException, IOException {
        if (response.getEntity() instanceof TestBody body) {
            body.attach(this);
        }
        super.sendResponseEntity(response);
        // The exchange ends once the body is on the wire. HttpCore's onExchangeComplete comes a
        // little later; it still ends exchanges whose responses have no body (HEAD, 204, 304).
        flush();
        exchangeCompleted();
    }

    /** Marks the current exchange as finished (idempotent). */
    void exchangeCompleted() {
        if (inExchange.compareAndSet(true, false)) {
            tracker.exchangeEnded();
        }
    }

    /**
     * Closes the connection on purpose in the middle of a body: flushes buffered bytes and closes
     * the socket, so the client receives exactly what was sent and then end of stream.
     */
    void drop() {
        try {
            close();
        } catch (IOException e) {
            close(CloseMode.IMMEDIATE);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            release();
        }
    }

    @Override
    public void close(CloseMode closeMode) {
        try {
            super.close(closeMode);
        } finally {
            release();
        }
    }

    private void release() {
        exchangeCompleted();
        if (released.compareAndSet(false, true)) {
            tracker.connectionClosed(this);
        }
    }
}
