package dev.bgtransfer.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A forwarding HTTP proxy on {@code 127.0.0.1} with an ephemeral port, as a company's proxy would
 * be: an absolute-form {@code GET http://host:port/path} is sent on to the server in origin form
 * (without the proxy's own headers), a {@code CONNECT host:port} opens a tunnel whose bytes it
 * relays without looking at them. It records every request it gets and can insist on Basic
 * credentials ({@code 407} without them). Each client connection carries one request.
 */
public final class TestProxyServer implements AutoCloseable {
    /** Headers a proxy consumes instead of passing them on. */
    private static final Set<String> HOP_BY_HOP = Set.of("proxy-authorization", "proxy-connection", "connection",
            "keep-alive");

    /**
     * A request as the proxy received it.
     *
     * @param method  for example {@code GET} or {@code CONNECT}
     * @param target  the request target as sent: an absolute URL, or {@code host:port} for CONNECT
     * @param headers with lower-case names
     */
    public record ProxiedRequest(String method, String target, Map<String, String> headers) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    private final ServerSocket socket;
    private final List<ProxiedRequest> requests = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile String requiredAuthorization;
    private volatile String tunnelRefusal;

    private TestProxyServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 }));
        Thread.ofPlatform().daemon().name("test proxy").start(this::acceptLoop);
    }

    public static TestProxyServer start() throws IOException {
        return new TestProxyServer();
    }

    /** @return {@code 127.0.0.1} */
    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** From now on, requests without {@code Proxy-Authorization: Basic} for these credentials get 407. */
    public void requireCredentials(String user, String password) {
        requiredAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** From now on, every {@code CONNECT} gets this status line, for example {@code 403 Forbidden}, and no tunnel. */
    public void refuseTunnels(String status) {
        tunnelRefusal = status;
    }

    /** @return the requests received, in order */
    public List<ProxiedRequest> requests() {
        return List.copyOf(requests);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            InputStream in = client.getInputStream();
            String head = RawHttpServer.readHead(in);
            if (head.isBlank()) {
                return;
            }
            ProxiedRequest request = parse(head);
            requests.add(request);
            OutputStream out = client.getOutputStream();
            String authorization = requiredAuthorization;
            if (authorization != null && !authorization.equals(request.header("Proxy-Authorization").orElse(null))) {
                answer(out, "407 Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"test proxy\"");
            } else if (request.method().equals("CONNECT") && tunnelRefusal != null) {
                answer(out, tunnelRefusal, "X-Reason: refused by the test");
            } else if (request.method().equals("CONNECT")) {
                tunnel(client, request.target(), out);
            } else {
                forward(client, request, out);
            }
        } catch (IOException | RuntimeException clientOrServerWentAway) {
            // the connection ends here
        } finally {
            close(client);
        }
    }

    private void tunnel(Socket client, String authority, OutputStream out) throws IOException {
        URI target = URI.create("//" + authority);
        if (target.getHost() == null || target.getPort() == -1) {
            // as a real proxy: squid takes "CONNECT /" for a host named "/"
            answer(out, "400 Bad Request", "X-Reason: not host:port");
            return;
        }
        Socket server = connect(target.getHost(), target.getPort(), out);
        if (server != null) {
            out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            relay(client, server);
        }
    }

    private void forward(Socket client, ProxiedRequest request, OutputStream out) throws IOException {
        URI url = URI.create(request.target());
        if (!"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            answer(out, "400 Bad Request", "X-Reason: not an absolute http URL");
            return;
        }
        Socket server = connect(url.getHost(), url.getPort() == -1 ? 80 : url.getPort(), out);
        if (server == null) {
            return;
        }
        StringBuilder head = new StringBuilder(request.method()).append(' ').append(url.getRawPath());
        if (url.getRawQuery() != null) {
            head.append('?').append(url.getRawQuery());
        }
        head.append(" HTTP/1.1\r\n");
        request.headers().forEach((name, value) -> {
            if (!HOP_BY_HOP.contains(name)) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        head.append("connection: close\r\n\r\n");
        server.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        relay(client, server);
    }

    /** @return the connection to the server, or null after answering 502 */
    private Socket connect(String host, int port, OutputStream out) throws IOException {
        try {
            Socket server = new Socket(host, port);
            open.add(server);
            return server;
        } catch (IOException unreachable) {
            answer(out, "502 Bad Gateway", "X-Reason: " + unreachable.getClass().getSimpleName());
            return null;
        }
    }

    /** Copies bytes both ways until one side closes, then closes both. */
    private void relay(Socket client, Socket server) {
        Thread upstream = Thread.ofVirtual().start(() -> copy(client, server));
        copy(server, client);
        try {
            upstream.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException closed) {
            // one side went away
        } finally {
            close(from);
            close(to);
        }
    }

    private static void answer(OutputStream out, String status, String header) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\n" + header + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static ProxiedRequest parse(String head) {
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
            }
        }
        return new ProxiedRequest(requestLine[0], requestLine.length > 1 ? requestLine[1] : "",
                Collections.unmodifiableMap(headers));
    }

    private void close(Socket connection) {
        open.remove(connection);
        try {
            connection.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Stops accepting and closes every connection, tunnels included. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(this::close);
    }
}
