package dev.bgtransfer.remote.internal.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.remote.internal.wire.FrameChannel;

/**
 * Serves a {@link TransferService} on a Unix-domain socket, for {@code RemoteTransfers} clients in
 * other processes: each connection's calls answered in order on a thread of its own, the events of
 * the sessions it subscribed to streamed to it, Progress at most about ten per second per transfer.
 * A client that reads too slowly loses Progress first, then its connection; the service never waits
 * for it.
 * <p>
 * The socket belongs in a folder only its owner can enter (the host's care: the daemon's state
 * folder). Where the platform tells who connects, a process of another user is refused as well.
 */
public final class ApiServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());
    /** Linux keeps 108 bytes for a socket's path, its terminating NUL among them. */
    static final int MAX_SOCKET_PATH = 107;
    /**
     * The events that may wait for one client before its Progress are dropped, then the client: room for
     * a burst such as the reset of a long list (a Removed and a StateChanged each), each event a reference
     * to a snapshot the service made anyway.
     */
    static final int EVENT_CAPACITY = 16_384;
    /** The least time between two Progress of a transfer sent to one client. */
    static final Duration PROGRESS_INTERVAL = Duration.ofMillis(100);

    private final TransferService service;
    private final Path socket;
    private final ListenerRegistry listeners;
    private final int eventCapacity;
    private final Set<ServedClient> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong connections = new AtomicLong();
    private ServerSocketChannel server;
    private Runnable unregister;

    /**
     * @param service   what to serve
     * @param socket    where to listen (at most {@value #MAX_SOCKET_PATH} bytes)
     * @param listeners how to hear the service's events
     */
    public ApiServer(TransferService service, Path socket, ListenerRegistry listeners) {
        this(service, socket, listeners, EVENT_CAPACITY);
    }

    ApiServer(TransferService service, Path socket, ListenerRegistry listeners, int eventCapacity) {
        this.service = service;
        this.socket = socket.toAbsolutePath();
        this.listeners = listeners;
        this.eventCapacity = eventCapacity;
    }

    /**
     * Listens on the socket. A socket file nobody answers on is left from a server that ended without
     * closing, and is replaced.
     *
     * @throws IllegalArgumentException when the socket's path is too long
     * @throws IllegalStateException    when another server answers on the socket
     * @throws IOException              when the socket cannot be made
     */
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            throw new IllegalArgumentException(NLS.bind(Messages.socketPathTooLong, socket, MAX_SOCKET_PATH));
        }
        removeStale();
        ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            listening.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException cannotBind) {
            listening.close();
            throw cannotBind;
        }
        UserPrincipal owner = Files.getOwner(socket); // who this process runs as: it just made the socket
        server = listening;
        unregister = listeners.register(this::hear);
        Thread.ofPlatform().daemon().name("bgtransfer api server: " + socket.getFileName())
                .start(() -> accept(listening, owner));
    }

    private void removeStale() throws IOException {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (answers(socket)) {
            throw new IllegalStateException(NLS.bind(Messages.socketInUse, socket));
        }
        Files.delete(socket);
    }

    /**
     * @return whether a server listens on {@code socket}; a socket a killed server left behind, a
     *         file that is no socket and a missing one do not answer
     */
    public static boolean answers(Path socket) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException nobodyAnswers) {
            return false;
        }
    }

    private void accept(ServerSocketChannel listening, UserPrincipal owner) {
        try {
            while (true) {
                SocketChannel channel = listening.accept();
                Optional<UserPrincipal> peer = PeerUser.of(channel);
                if (peer.isPresent() && !peer.get().equals(owner)) {
                    LOG.log(Level.WARNING, NLS.bind(Messages.otherUser, peer.get().getName(), owner.getName()));
                    channel.close();
                    continue;
                }
                ServedClient client = new ServedClient(new FrameChannel(channel),
                        "client " + connections.incrementAndGet(), service,
                        new EventOutbox(eventCapacity, PROGRESS_INTERVAL.toNanos(), System::nanoTime), clients::remove);
                clients.add(client);
                Thread.ofVirtual().name("bgtransfer api calls: " + client).start(client::serve);
            }
        } catch (ClosedChannelException closed) {
            // close()
        } catch (IOException broken) {
            LOG.log(Level.ERROR, NLS.bind(Messages.acceptFailed, socket), broken);
        }
    }

    /** Called on the service's event thread: hands the event to every client without waiting for one. */
    private void hear(TransferEvent event) {
        for (ServedClient client : clients) {
            client.hear(event);
        }
    }

    /** @return the socket it listens on */
    public Path socket() {
        return socket;
    }

    /** @return the clients connected now */
    public int clientCount() {
        return clients.size();
    }

    /** Stops listening, lets every client go and removes the socket; the service goes on. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException alreadyClosed) {
            // closed either way
        }
        server = null;
        unregister.run();
        for (ServedClient client : clients) {
            client.close();
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException leftBehind) {
            // the next server finds nobody answering on it and replaces it
        }
    }
}
