package dev.bgtransfer.remote.internal.client;

import java.io.IOException;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.DataRequest;
import dev.bgtransfer.core.DataResponse;
import dev.bgtransfer.core.RequestHeader;
import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.RateSchedule;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferListener;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.remote.internal.wire.JsonObject;
import dev.bgtransfer.remote.internal.wire.Message;
import dev.bgtransfer.remote.internal.wire.Op;
import dev.bgtransfer.remote.internal.wire.ValueCodec;
import dev.bgtransfer.remote.internal.wire.WireException;

/**
 * The {@link TransferService} of another process, reached on its Unix-domain socket (an
 * {@code ApiServer}): every method a call over the wire, answered with the API's values or an
 * exception of the type and with the sentence the service threw. Data tasks run in this process,
 * in the local service given (they are never stored, and their answer is wanted here).
 * <p>
 * Listeners are added with {@link #addListener(TransferListener, Optional)} and hear the service's
 * events on a thread of this client, Progress at most about ten per second per transfer.
 * <p>
 * When the service goes away, the calls under way and the next one fail with a sentence saying so;
 * the call after connects again (or {@link #reconnect()}), asks for its sessions again and hears
 * its listeners' sessions again. What happened meanwhile is not told: read the transfers again.
 */
public final class RemoteTransfers implements TransferService, AutoCloseable {
    private final Path socket;
    private final String service;
    private final Listeners listeners = new Listeners();
    private final LocalDataTasks dataTasks;
    private final List<Consumer<String>> disconnectListeners = new CopyOnWriteArrayList<>();
    private final Object connecting = new Object();
    private volatile Connection connection;
    private boolean connectedBefore; // guarded by connecting
    private volatile boolean closed;

    private RemoteTransfers(Path socket, String service, TransferService local) {
        this.socket = socket.toAbsolutePath();
        this.service = service;
        this.dataTasks = new LocalDataTasks(local);
    }

    /**
     * Connects to the service on {@code socket}.
     *
     * @param service how sentences name the service, for example its state folder
     * @param local   the service in this process that runs data tasks
     * @throws IncompatibleServiceException when the service speaks another version of the wire
     * @throws IllegalStateException        when no service answers on {@code socket}, or something else does
     */
    public static RemoteTransfers connect(Path socket, String service, TransferService local) {
        RemoteTransfers remote = new RemoteTransfers(socket, service, local);
        try {
            remote.reconnect();
        } catch (RuntimeException unreachable) {
            remote.close();
            throw unreachable;
        }
        return remote;
    }

    /**
     * Connects again if the connection was lost; does nothing while it holds.
     *
     * @throws IllegalStateException when the service does not answer (or as {@link #connect})
     */
    public void reconnect() {
        connection();
    }

    /** @return whether the connection holds, as far as this client knows */
    public boolean isConnected() {
        Connection current = connection;
        return current != null && current.isOpen();
    }

    /**
     * Makes {@code listener} hear the events of {@code session}, or of every session, as a
     * {@link TransferListener} service of the remote service would, on this client's event thread.
     * While the service is away the listener hears nothing; it hears again once this client connects again.
     *
     * @return what removes the listener
     */
    public Runnable addListener(TransferListener listener, Optional<String> session) {
        Listeners.Registered registered = listeners.add(listener, session);
        try {
            run(Op.SUBSCRIBE, call -> call.putIfPresent(Message.IDENTIFIER, session));
        } catch (IllegalStateException away) {
            // subscribed when this client connects again
        }
        return () -> {
            Connection current = connection;
            if (!listeners.remove(registered) && current != null && current.isOpen()) {
                try {
                    call(current, Op.UNSUBSCRIBE, call -> call.putIfPresent(Message.IDENTIFIER, session), Function.identity());
                } catch (RuntimeException away) {
                    // a new connection hears only what the remaining listeners want
                }
            }
        };
    }

    /**
     * Makes {@code listener} hear the sentence that says the service went away, on the event thread
     * after the last event it sent.
     */
    public void addDisconnectListener(Consumer<String> listener) {
        disconnectListeners.add(listener);
    }

    /** Closes the connection, cancels the data tasks under way and stops telling listeners. */
    @Override
    public void close() {
        synchronized (connecting) {
            closed = true;
            if (connection != null) {
                connection.close();
            }
        }
        dataTasks.close();
        listeners.close();
    }

    /** @return the open connection, connecting again if it was lost */
    Connection connection() {
        Connection current = connection;
        if (current != null && current.isOpen()) {
            return current;
        }
        synchronized (connecting) {
            if (closed) {
                throw new IllegalStateException(NLS.bind(Messages.closed, service));
            }
            current = connection;
            if (current != null && current.isOpen()) {
                return current;
            }
            try {
                current = Connection.open(socket, service, listeners::post, this::lost);
            } catch (IOException nobodyAnswers) {
                throw new IllegalStateException(
                        NLS.bind(connectedBefore ? Messages.stopped : Messages.notRunning, service, socket), nobodyAnswers);
            }
            connection = current;
            connectedBefore = true;
            subscribe(current, listeners.sessions());
            return current;
        }
    }

    private void subscribe(Connection current, Set<Optional<String>> sessions) {
        for (Optional<String> session : sessions) {
            call(current, Op.SUBSCRIBE, call -> call.putIfPresent(Message.IDENTIFIER, session), Function.identity());
        }
    }

    private void lost(Connection gone) {
        if (!closed) {
            String sentence = NLS.bind(Messages.stopped, service, socket);
            listeners.run(() -> disconnectListeners.forEach(listener -> listener.accept(sentence)));
        }
    }

    /** Opens the session {@code identifier} on {@code current}; @return its handle there */
    long open(Connection current, String identifier, SessionConfiguration configuration) {
        return call(current, Op.SESSION, call -> call.put(Message.IDENTIFIER, identifier)
                .put(Message.CONFIGURATION, ValueCodec.toJson(configuration)), Answers::number);
    }

    <T> T call(Connection on, Op op, UnaryOperator<JsonObject> arguments,
            Function<Object, T> answer) {
        try {
            return answer.apply(on.call(op, arguments));
        } catch (IOException lost) {
            throw new IllegalStateException(NLS.bind(Messages.stopped, service, socket), lost);
        } catch (WireException unreadable) {
            throw new IllegalStateException(NLS.bind(Messages.unreadableAnswer, service, unreadable.getMessage()),
                    unreadable);
        }
    }

    private <T> T call(Op op, UnaryOperator<JsonObject> arguments,
            Function<Object, T> answer) {
        return call(connection(), op, arguments, answer);
    }

    private void run(Op op, UnaryOperator<JsonObject> arguments) {
        call(op, arguments, Function.identity());
    }

    LocalDataTasks dataTasks() {
        return dataTasks;
    }

    @Override
    public TransferSession session(String identifier, SessionConfiguration configuration) {
        Connection current = connection();
        return new RemoteSession(this, identifier, configuration, current, open(current, identifier, configuration));
    }

    @Override
    public Transfer add(TransferRequest request) {
        return call(Op.ADD, call -> call.put(Message.REQUEST, ValueCodec.toJson(request)), Answers::transfer);
    }

    @Override
    public Transfer download(TransferRequest request) {
        return call(Op.DOWNLOAD, call -> call.put(Message.REQUEST, ValueCodec.toJson(request)), Answers::transfer);
    }

    /** Runs the data task in the local service's default session, under its options. */
    @Override
    public CompletableFuture<DataResponse> fetch(DataRequest request) {
        return dataTasks.fetch(request);
    }

    @Override
    public Optional<Transfer> get(long id) {
        return call(Op.GET, call -> call.put(Message.ID, id), Answers::optionalTransfer);
    }

    @Override
    public List<Transfer> transfers() {
        return call(Op.TRANSFERS, UnaryOperator.identity(), Answers::transfers);
    }

    @Override
    public List<Transfer> unfinished() {
        return call(Op.UNFINISHED, UnaryOperator.identity(), Answers::transfers);
    }

    @Override
    public List<Transfer> transfers(long fromId, int max) {
        return call(Op.PAGE, call -> call.put(Message.ID, fromId).put(Message.MAX, (long) max), Answers::transfers);
    }

    @Override
    public long[] ids() {
        return call(Op.IDS, UnaryOperator.identity(), Answers::ids);
    }

    @Override
    public List<TimelineEntry> timeline(long id) {
        return call(Op.TIMELINE, call -> call.put(Message.ID, id), Answers::timeline);
    }

    @Override
    public void start(long id) {
        run(Op.START, call -> call.put(Message.ID, id));
    }

    @Override
    public void pause(long id) {
        run(Op.PAUSE, call -> call.put(Message.ID, id));
    }

    @Override
    public void stop(long id) {
        run(Op.STOP, call -> call.put(Message.ID, id));
    }

    /** The password goes over the socket, which only its owner can reach; it is never logged. */
    @Override
    public void authenticate(long id, PasswordAuthentication credentials) {
        run(Op.AUTHENTICATE, call -> call.put(Message.ID, id).put(Message.USER, credentials.getUserName())
                .put(Message.PASSWORD, new String(credentials.getPassword())));
    }

    /** Header values may be credentials: they go over the socket, which only its owner can reach, and are never logged. */
    @Override
    public void setHeaders(long id, List<RequestHeader> headers) {
        run(Op.SET_HEADERS, call -> call.put(Message.ID, id).put(Message.HEADERS, ValueCodec.headersToJson(headers)));
    }

    @Override
    public Transfer changeUrl(long id, URI url) {
        return call(Op.CHANGE_URL, call -> call.put(Message.ID, id).put(Message.URL, url.toString()), Answers::transfer);
    }

    @Override
    public void startAll() {
        run(Op.START_ALL, UnaryOperator.identity());
    }

    @Override
    public void pauseAll() {
        run(Op.PAUSE_ALL, UnaryOperator.identity());
    }

    @Override
    public void stopAll() {
        run(Op.STOP_ALL, UnaryOperator.identity());
    }

    @Override
    public void remove(long id, boolean deleteFile) {
        run(Op.REMOVE, call -> call.put(Message.ID, id).put(Message.DELETE_FILE, deleteFile));
    }

    @Override
    public void resetAll() {
        run(Op.RESET_ALL, UnaryOperator.identity());
    }

    @Override
    public TransferOptions options() {
        return call(Op.OPTIONS, UnaryOperator.identity(), Answers::options);
    }

    @Override
    public void setOptions(TransferOptions options) {
        run(Op.SET_OPTIONS, call -> call.put(Message.OPTIONS, ValueCodec.toJson(options)));
    }

    @Override
    public RateSchedule overallLimit() {
        return RateSchedule.parse(call(Op.OVERALL_LIMIT, UnaryOperator.identity(), Answers::string));
    }

    @Override
    public void setOverallLimit(RateSchedule schedule) {
        run(Op.SET_OVERALL_LIMIT, call -> call.put(Message.SCHEDULE, schedule.toText()));
    }

    @Override
    public Map<String, RateLimit> hostLimits() {
        return call(Op.HOST_LIMITS, UnaryOperator.identity(), Answers::hostLimits);
    }

    @Override
    public void setHostLimit(String host, RateLimit limit) {
        run(Op.SET_HOST_LIMIT, call -> call.put(Message.HOST, host).put(Message.LIMIT, limit.bytesPerSecond()));
    }

    @Override
    public Map<String, RateLimit> sessionLimits() {
        return call(Op.LIMITS_OF_SESSIONS, UnaryOperator.identity(), Answers::sessionLimits);
    }

    @Override
    public RateLimit sessionLimit(String identifier) {
        return RateLimit.of(call(Op.LIMIT_OF_SESSION, call -> call.put(Message.IDENTIFIER, identifier), Answers::number));
    }

    @Override
    public void setSessionLimit(String identifier, RateLimit limit) {
        run(Op.SET_LIMIT_OF_SESSION,
                call -> call.put(Message.IDENTIFIER, identifier).put(Message.LIMIT, limit.bytesPerSecond()));
    }

    @Override
    public RateLimit rateLimit(long id) {
        return RateLimit.of(call(Op.RATE_LIMIT, call -> call.put(Message.ID, id), Answers::number));
    }

    @Override
    public void setRateLimit(long id, RateLimit limit) {
        run(Op.SET_RATE_LIMIT, call -> call.put(Message.ID, id).put(Message.LIMIT, limit.bytesPerSecond()));
    }

    @Override
    public String toString() {
        return "RemoteTransfers[" + socket + "]";
    }
}
