package dev.bgtransfer.junit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.net.ServerSocketFactory;

import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.io.CloseMode;

import dev.bgtransfer.samples.internal.http.LoopbackServers;
import dev.bgtransfer.samples.internal.http.QuietErrors;

/**
 * An HTTP/1.1 test server on {@code 127.0.0.1} with an ephemeral port, built on the classic
 * (blocking) HttpCore 5 server. It serves generated {@link TestFile}s with validators and byte
 * ranges, fixed statuses and redirects, fixed contents and echoes of the request, failures before
 * success, can throttle and cut off bodies, records every request and
 * counts concurrent requests and open connections. Unknown paths answer 404. {@link #startHttps}
 * serves the same over TLS with a {@link TestCertificate}.
 *
 * <pre>{@code
 * try (TestHttpServer server = TestHttpServer.start()) {
 *     TestFile file = server.addFile("/a.bin", 1 << 20, 42);
 *     URI uri = server.uri("/a.bin");
 *     ...
 * }
 * }</pre>
 *
 * All methods are thread-safe. Routes are matched on the request path without query string.
 */
public final class TestHttpServer implements AutoCloseable {

    private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);

    private final RequestDispatcher dispatcher = new RequestDispatcher(this);
    private final String scheme;
    private final ConnectionTracker tracker;
    private final List<Exception> errors = new ArrayList<>();
    private final List<RecordedRequest> recorded = new ArrayList<>();
    private volatile long throttle;
    private volatile boolean closed;
    private HttpServer server;
    private int port;

    private TestHttpServer(String scheme) {
        this.scheme = scheme;
        this.tracker = new ConnectionTracker(scheme);
    }

    /**
     * Starts a server on {@code 127.0.0.1} with an ephemeral port and HTTP keep-alive.
     *
     * @return the running server; close it when done
     * @throws IOException if the server socket cannot be bound
     */
    public static TestHttpServer start() throws IOException {
        return start(TestHosts.ipv4Loopback());
    }

    /**
     * Starts a server like {@link #start()}, on another local address (for example {@code ::1});
     * reach it with {@link #uri(String, String)}.
     */
    public static TestHttpServer start(InetAddress address) throws IOException {
        final TestHttpServer result = new TestHttpServer("http");
        result.startServer(null, address);
        return result;
    }

    /**
     * Starts an HTTPS server on {@code 127.0.0.1} with an ephemeral port and HTTP keep-alive,
     * presenting {@code certificate}; otherwise it behaves like {@link #start()} and
     * {@link #uri(String)} returns {@code https} URIs. Clients must trust the certificate (see
     * {@link TestCertificate#trustStore()}) and, if they verify host names, it must have been made
     * for {@code ip:127.0.0.1}.
     * <p>
     * The TLS handshake runs in the connection's worker thread on the first read, so a slow or
     * failing handshake never blocks other connections. Connections are counted from the TCP
     * accept: one whose handshake fails (e.g. because the client does not trust the certificate)
     * briefly shows in {@link #openConnections()} and {@link #peakOpenConnections()}, but never in
     * {@link #requests()} nor in {@link #serverErrors()}. HTTP/2 is not offered via ALPN, so
     * clients use HTTP/1.1.
     *
     * @param certificate the server certificate and key
     * @return the running server; close it when done
     * @throws IOException if the server socket cannot be bound
     */
    public static TestHttpServer startHttps(TestCertificate certificate) throws IOException {
        return startHttps(certificate, TestHosts.ipv4Loopback());
    }

    /** Starts an HTTPS server like {@link #startHttps(TestCertificate)}, on another local address. */
    public static TestHttpServer startHttps(TestCertificate certificate, InetAddress address) throws IOException {
        Objects.requireNonNull(certificate, "certificate");
        final TestHttpServer result = new TestHttpServer("https");
        result.startServer(certificate.serverContext().getServerSocketFactory(), address);
        return result;
    }

    /**
     * @param socketFactory {@code null} for plain HTTP; for HTTPS an {@code SSLServerSocketFactory},
     *                      whose accepted sockets HttpCore uses as they are (handshake on first
     *                      read). {@code ServerBootstrap.setSslContext} is deliberately not used:
     *                      with it HttpCore runs every handshake on the single accept thread.
     */
    private void startServer(ServerSocketFactory socketFactory, InetAddress address) throws IOException {
        final ServerBootstrap bootstrap = LoopbackServers.bootstrap(address, 0, dispatcher,
                new QuietErrors(this::recordError));
        if (socketFactory != null) {
            bootstrap.setServerSocketFactory(socketFactory);
        }
        server = bootstrap
                .setConnectionFactory(tracker)
                .setStreamListener(tracker)
                .addFilterFirst("uploads", dispatcher.uploadFilter())
                .create();
        server.start();
        port = server.getLocalPort();
    }

    /**
     * @param path an absolute path starting with {@code /}, optionally with a query string
     * @return {@code http://127.0.0.1:PORT} (or {@code https://} for {@link #startHttps}) followed
     *         by the path
     */
    public URI uri(String path) {
        return uri("127.0.0.1", path);
    }

    /**
     * @param host a name the test's hosts file maps to this server's address (see {@link TestHosts}),
     *             or an address; an IPv6 address gets its brackets here
     * @param path an absolute path starting with {@code /}, optionally with a query string
     * @return {@code http://host:PORT} (or {@code https://}) followed by the path
     */
    public URI uri(String host, String path) {
        String authority = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create(scheme + "://" + authority + ":" + port + checkPath(path, true));
    }

    /** @return the port the server listens on */
    public int port() {
        return port;
    }

    /**
     * Serves a generated file under {@code path} (GET and HEAD, with ranges), replacing any
     * previous route for that path.
     *
     * @param path the path, starting with {@code /}, without query string
     * @param size the content length in bytes
     * @param seed selects the deterministic pseudo-random content (and the ETag)
     * @return the file, for further configuration
     */
    public TestFile addFile(String path, long size, long seed) {
        final TestFile file = new TestFile(checkPath(path, false), size, seed);
        dispatcher.put(path, new RequestDispatcher.FileRoute(file));
        return file;
    }

    /**
     * Answers every request for {@code path} with {@code status} and a short text body (none for
     * 204 and 304), replacing any previous route for that path.
     *
     * @param path   the path, starting with {@code /}, without query string
     * @param status an HTTP status code from 200 to 599
     */
    public void addStatus(String path, int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("Unsupported status: " + status);
        }
        dispatcher.put(checkPath(path, false), new RequestDispatcher.StatusRoute(status));
    }

    /**
     * Answers every request for {@code path} with a redirect, replacing any previous route for
     * that path.
     *
     * @param path     the path, starting with {@code /}, without query string
     * @param status   301, 302, 303, 307 or 308
     * @param location the {@code Location} header value, sent exactly as given (relative or
     *                 absolute)
     */
    public void addRedirect(String path, int status, String location) {
        if (!REDIRECT_STATUSES.contains(status)) {
            throw new IllegalArgumentException("Not a redirect status: " + status);
        }
        Objects.requireNonNull(location, "location");
        dispatcher.put(checkPath(path, false), new RequestDispatcher.RedirectRoute(status, location));
    }

    /**
     * Answers every request for {@code path} with 200 and {@code body} of type {@code contentType},
     * replacing any previous route for that path.
     *
     * @param path        the path, starting with {@code /}, without query string
     * @param body        the body (the array is kept as it is)
     * @param contentType the {@code Content-Type} value, for example {@code application/json; charset=UTF-8}
     */
    public void addContent(String path, byte[] body, String contentType) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        dispatcher.put(checkPath(path, false), new RequestDispatcher.ContentRoute(body, contentType));
    }

    /**
     * Answers every request for {@code path}, whatever its method, with 200, the request's body and its
     * {@code Content-Type} (none: {@code application/octet-stream}), and the request's method in the
     * header {@code X-Echo-Method}, replacing any previous route for that path.
     *
     * @param path the path, starting with {@code /}, without query string
     */
    public void addEcho(String path) {
        dispatcher.put(checkPath(path, false), new RequestDispatcher.EchoRoute());
    }

    /**
     * Answers the next {@code times} requests for {@code path} with {@code status} (a short text body),
     * before its route answers the later ones as usual: a server that fails, then recovers.
     *
     * @param path   the path, starting with {@code /}, without query string
     * @param status an HTTP status code from 400 to 599
     * @param times  how many requests fail
     */
    public void failNext(String path, int status, int times) {
        failNext(path, status, times, null);
    }

    /**
     * As {@link #failNext(String, int, int)}, each failure with the header {@code Retry-After:
     * retryAfter}: a busy server that says when to come back.
     *
     * @param retryAfter the header's value (seconds or an HTTP date), or {@code null} for none
     */
    public void failNext(String path, int status, int times, String retryAfter) {
        if (status < 400 || status > 599 || times < 0) {
            throw new IllegalArgumentException("Unsupported failure: " + status + " x " + times);
        }
        dispatcher.failNext(checkPath(path, false), status, times, retryAfter);
    }

    /**
     * Accepts uploads at {@code path} after <i>Resumable Uploads for HTTP</i>: a 104 names an
     * upload resource below the path, which answers HEAD, PATCH and DELETE. Replaces any previous
     * route for that path.
     *
     * @param path the path, starting with {@code /}, without query string
     * @return the endpoint, to set its knobs and read what it stored
     */
    public UploadEndpoint addResumableUpload(String path) {
        return dispatcher.putUpload(checkPath(path, false), true);
    }

    /**
     * Accepts plain uploads (POST or PUT, no resumption) at {@code path}, each request's body
     * stored afresh. Replaces any previous route for that path.
     *
     * @param path the path, starting with {@code /}, without query string
     * @return the endpoint, to set its knobs and read what it stored
     */
    public UploadEndpoint addPlainUpload(String path) {
        return dispatcher.putUpload(checkPath(path, false), false);
    }

    /**
     * Removes the route for {@code path}; later requests get 404.
     *
     * @param path the path of a file, status or redirect route
     */
    public void remove(String path) {
        dispatcher.remove(path);
    }

    /**
     * Limits the body rate of every response (unless a file has its own rate). Applies to
     * responses started later and to those already streaming.
     *
     * @param bytesPerSecond the rate per response, or {@code 0} for unlimited
     */
    public void setThrottle(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bytesPerSecond must not be negative: " + bytesPerSecond);
        }
        this.throttle = bytesPerSecond;
    }

    /**
     * Gives each connection accepted from now on a small send buffer, so that {@link TestFile#bytesServed()}
     * follows what the client has read within about that many bytes plus the client's receive buffer: on
     * loopback the system lets a connection's send buffer grow to megabytes, which a server that measures
     * how fast a client reads would count as read.
     *
     * @param bytes the send buffer's size (the system may double it); 0 for the system's
     */
    public void setSendBuffer(int bytes) {
        tracker.setSendBuffer(bytes);
    }

    /** @return every request received since start or the last {@link #resetCounters()}, in order */
    public List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /**
     * @param path a path without query string
     * @return the requests whose target has exactly this path (any query string), in order
     */
    public List<RecordedRequest> requests(String path) {
        synchronized (recorded) {
            return recorded.stream().filter(r -> RequestDispatcher.pathOf(r.path()).equals(path)).toList();
        }
    }

    /**
     * @return the maximum number of requests that were being served at the same time (from the
     *         received request head until the end of the response body)
     */
    public int peakConcurrentRequests() {
        return tracker.peakConcurrentRequests();
    }

    /** @return the maximum number of simultaneously open client connections */
    public int peakOpenConnections() {
        return tracker.peakOpenConnections();
    }

    /** @return the number of client connections open right now */
    public int openConnections() {
        return tracker.openConnections();
    }

    /**
     * Forgets recorded requests and server errors and resets the peaks to the current values
     * (zero when nothing is connected; connections kept alive by a client still count).
     */
    public void resetCounters() {
        synchronized (recorded) {
            recorded.clear();
        }
        synchronized (errors) {
            errors.clear();
        }
        tracker.resetPeaks();
    }

    /**
     * @return unexpected exceptions seen by the server (ordinary I/O errors such as client
     *         disconnects are not included); tests may assert this is empty
     */
    public List<Exception> serverErrors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    /** Shuts the server down immediately, closing all connections; never throws. */
    @Override
    public void close() {
        closed = true;
        try {
            if (server != null) {
                server.close(CloseMode.IMMEDIATE);
            }
        } catch (RuntimeException e) {
            // shutting down anyway
        } finally {
            tracker.closeAll();
        }
    }

    private void recordError(Exception error) {
        synchronized (errors) {
            errors.add(error);
        }
    }

    void record(RecordedRequest request) {
        synchronized (recorded) {
            recorded.add(request);
        }
    }

    long throttle() {
        return throttle;
    }

    boolean isClosed() {
        return closed;
    }

    private static String checkPath(String path, boolean queryAllowed) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Path must start with '/': " + path);
        }
        if (!queryAllowed && (path.indexOf('?') >= 0 || path.indexOf('#') >= 0)) {
            throw new IllegalArgumentException("Path must not have a query or fragment: " + path);
        }
        return path;
    }
}
