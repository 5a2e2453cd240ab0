package dev.bgtransfer.remote.internal.client;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.remote.internal.wire.EventCodec;
import dev.bgtransfer.remote.internal.wire.FrameChannel;
import dev.bgtransfer.remote.internal.wire.Handshake;
import dev.bgtransfer.remote.internal.wire.JsonObject;
import dev.bgtransfer.remote.internal.wire.Message;
import dev.bgtransfer.remote.internal.wire.Op;
import dev.bgtransfer.remote.internal.wire.RemoteFailure;
import dev.bgtransfer.remote.internal.wire.WireException;

/**
 * One connection to the server, from the handshake until either side closes it: calls from any
 * thread, each waiting for its answer; one thread reading answers and events.
 */
final class Connection {
    /** How long a server may take to answer the handshake before the client gives up on it. */
    private static final long HANDSHAKE_SECONDS = 10;

    private final FrameChannel channel;
    private final Consumer<TransferEvent> events;
    private final Consumer<Connection> lost;
    private final Map<Long, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicBoolean ended = new AtomicBoolean();

    private Connection(FrameChannel channel, Consumer<TransferEvent> events, Consumer<Connection> lost) {
        this.channel = channel;
        this.events = events;
        this.lost = lost;
    }

    /**
     * Connects and shakes hands.
     *
     * @param service how sentences name the service
     * @param events  told each event the server sends, on the reading thread
     * @param lost    told once when the connection ends, on the reading thread
     * @throws IOException                   when nothing answers on {@code socket}
     * @throws IncompatibleServiceException  when the server speaks another version
     * @throws IllegalStateException         when what answers is no bgtransfer service
     */
    static Connection open(Path socket, String service, Consumer<TransferEvent> events, Consumer<Connection> lost)
            throws IOException {
        SocketChannel socketChannel = SocketChannel.open(StandardProtocolFamily.UNIX);
        FrameChannel channel = new FrameChannel(socketChannel);
        try {
            socketChannel.connect(UnixDomainSocketAddress.of(socket));
            shakeHands(channel, socket, service);
        } catch (IOException | RuntimeException failed) {
            channel.close();
            throw failed;
        }
        Connection connection = new Connection(channel, events, lost);
        Thread.ofPlatform().daemon().name("bgtransfer remote: " + socket.getFileName()).start(connection::read);
        return connection;
    }

    private static void shakeHands(FrameChannel channel, Path socket, String service) throws IOException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(HANDSHAKE_SECONDS, TimeUnit.SECONDS).execute(() -> {
            if (!done.isDone()) {
                channel.close(); // a peer that never answers
            }
        });
        try {
            channel.write(Handshake.hello(Handshake.VERSION));
            JsonObject answer = channel.read();
            if (!Handshake.isOurs(answer)) {
                throw new IllegalStateException(NLS.bind(Messages.notOurs, service, socket));
            }
            long version = Handshake.versionOf(answer);
            if (version != Handshake.VERSION) {
                throw new IncompatibleServiceException(
                        NLS.bind(Messages.otherVersion, new Object[] { service, version, Handshake.VERSION }), version);
            }
        } catch (WireException | EOFException garbled) {
            throw new IllegalStateException(NLS.bind(Messages.notOurs, service, socket), garbled);
        } finally {
            done.complete(null);
        }
    }

    /**
     * Calls {@code op} with the arguments {@code arguments} adds, and waits for the answer.
     *
     * @return the answer's value, a JSON value or null
     * @throws IOException      when the connection ended before the answer came
     * @throws RuntimeException what the service threw, of the same type and with the same message
     */
    Object call(Op op, UnaryOperator<JsonObject> arguments) throws IOException {
        long number = calls.incrementAndGet();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        pending.put(number, answer);
        if (ended.get()) {
            pending.remove(number);
            throw new EOFException();
        }
        try {
            channel.write(arguments.apply(Message.call(number, op)));
        } catch (IOException broken) {
            end();
            throw broken;
        }
        JsonObject message = await(answer);
        if (message.has(Message.ERROR)) {
            throw RemoteFailure.toException(message.object(Message.ERROR));
        }
        return message.value(Message.VALUE);
    }

    private static JsonObject await(CompletableFuture<JsonObject> answer) throws IOException {
        try {
            return answer.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(Messages.interrupted, interrupted);
        } catch (ExecutionException ended) {
            throw ended.getCause() instanceof IOException io ? io : new IOException(ended.getCause());
        }
    }

    private void read() {
        try {
            while (true) {
                JsonObject message = channel.read();
                if (message.has(Message.EVENT)) {
                    events.accept(EventCodec.event(message.object(Message.EVENT)));
                } else {
                    CompletableFuture<JsonObject> answer = pending.remove(message.number(Message.ANSWER));
                    if (answer != null) {
                        answer.complete(message);
                    }
                }
            }
        } catch (IOException | WireException gone) {
            // the server went away, or said what this client cannot read: either way the connection is over
        } finally {
            end();
        }
    }

    boolean isOpen() {
        return !ended.get();
    }

    /** Closes the connection; calls waiting for an answer fail. */
    void close() {
        end();
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            channel.close();
            EOFException gone = new EOFException();
            pending.values().forEach(answer -> answer.completeExceptionally(gone));
            pending.clear();
            lost.accept(this);
        }
    }
}
