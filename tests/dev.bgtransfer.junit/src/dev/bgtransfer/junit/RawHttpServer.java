package dev.bgtransfer.junit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that answers each request with bytes a test writes itself, for faults that a
 * real HTTP stack would not produce (bogus lengths, wrong ranges, bodies cut short). Each
 * connection serves one request and is then closed.
 */
public final class RawHttpServer implements AutoCloseable {

    /** Writes the raw answer to the {@code number}-th request (counting from 1). */
    @FunctionalInterface
    public interface Script {
        void answer(int number, String requestHead, OutputStream out) throws IOException;
    }

    private final ServerSocket socket;
    private final Script script;
    private final List<String> requestHeads = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private final Thread acceptor;

    private RawHttpServer(Script script) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        this.acceptor = Thread.ofPlatform().daemon().name("raw http server").start(this::acceptLoop);
    }

    /** Starts a server on 127.0.0.1 and an ephemeral port. */
    public static RawHttpServer start(Script script) throws IOException {
        return new RawHttpServer(script);
    }

    /**
     * Starts a server that reads each request and never answers: a stalled server. Each of its
     * connections ends when the client closes it.
     */
    public static RawHttpServer startSilent() throws IOException {
        return new RawHttpServer(null);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    /** @return the heads of the requests received, in order */
    public List<String> requestHeads() {
        return List.copyOf(requestHeads);
    }

    /** @return {@code head} followed by {@code body}, as ISO-8859-1 bytes */
    public static byte[] response(String head, byte[] body) {
        byte[] headBytes = (head.replace("\n", "\r\n") + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
            String head = readHead(in);
            requestHeads.add(head);
            if (script == null) {
                in.transferTo(OutputStream.nullOutputStream());
                return;
            }
            script.answer(count.incrementAndGet(), head, out);
            out.flush();
        } catch (IOException clientWentAway) {
            // the client closed first: nothing to answer
        }
    }

    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = { '\r', '\n', '\r', '\n' };
        int next;
        while (matched < end.length && (next = in.read()) != -1) {
            head.write(next);
            matched = next == end[matched] ? matched + 1 : next == end[0] ? 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
            acceptor.join(1_000);
        } catch (IOException | InterruptedException ignored) {
            // closing a test server
        }
    }
}
