package dev.bgtransfer.remote.internal.client;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.DataRequest;
import dev.bgtransfer.core.DataResponse;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.UploadRequest;
import dev.bgtransfer.remote.internal.wire.JsonObject;
import dev.bgtransfer.remote.internal.wire.Message;
import dev.bgtransfer.remote.internal.wire.Op;
import dev.bgtransfer.remote.internal.wire.ValueCodec;

/**
 * A session of the remote service: its operations go over the wire to the session's handle there,
 * asked for again under the same configuration after the client connected again (as an application
 * that starts again asks for its session by identifier). Its data tasks run in this process.
 */
final class RemoteSession implements TransferSession {
    private final RemoteTransfers remote;
    private final String identifier;
    private final SessionConfiguration configuration;
    private Connection connection; // guarded by this, with its handle
    private long handle;
    private volatile boolean invalidated;

    RemoteSession(RemoteTransfers remote, String identifier, SessionConfiguration configuration, Connection connection,
            long handle) {
        this.remote = remote;
        this.identifier = identifier;
        this.configuration = configuration;
        this.connection = connection;
        this.handle = handle;
    }

    @Override
    public String identifier() {
        return identifier;
    }

    @Override
    public SessionConfiguration configuration() {
        return call(Op.SESSION_CONFIGURATION, UnaryOperator.identity(), Answers::configuration);
    }

    @Override
    public Transfer add(TransferRequest request) {
        return transfer(Op.SESSION_ADD, Message.REQUEST, ValueCodec.toJson(request));
    }

    @Override
    public Transfer download(TransferRequest request) {
        return transfer(Op.SESSION_DOWNLOAD, Message.REQUEST, ValueCodec.toJson(request));
    }

    @Override
    public Transfer download(URI url) {
        return transfer(Op.SESSION_DOWNLOAD_URL, Message.URL, url.toString());
    }

    /** The service reads the file itself: a path of this machine, which the service's process must be able to read. */
    @Override
    public Transfer upload(UploadRequest request) {
        return transfer(Op.SESSION_UPLOAD, Message.UPLOAD, ValueCodec.toJson(request));
    }

    @Override
    public Transfer add(UploadRequest request) {
        return transfer(Op.SESSION_ADD_UPLOAD, Message.UPLOAD, ValueCodec.toJson(request));
    }

    /** Runs in this process, under the options this session was asked for with. */
    @Override
    public CompletableFuture<DataResponse> fetch(DataRequest request) {
        if (invalidated) {
            throw new IllegalStateException(NLS.bind(Messages.sessionInvalidated, identifier));
        }
        return remote.dataTasks().fetch(identifier, configuration, request);
    }

    @Override
    public List<Transfer> transfers() {
        return call(Op.SESSION_TRANSFERS, UnaryOperator.identity(), Answers::transfers);
    }

    @Override
    public List<Transfer> unfinished() {
        return call(Op.SESSION_UNFINISHED, UnaryOperator.identity(), Answers::transfers);
    }

    @Override
    public void startAll() {
        run(Op.SESSION_START_ALL);
    }

    @Override
    public void pauseAll() {
        run(Op.SESSION_PAUSE_ALL);
    }

    @Override
    public void stopAll() {
        run(Op.SESSION_STOP_ALL);
    }

    @Override
    public void reset() {
        run(Op.SESSION_RESET);
    }

    @Override
    public void invalidate() {
        try {
            run(Op.SESSION_INVALIDATE);
        } finally {
            invalidated = true;
            remote.dataTasks().invalidate(identifier);
        }
    }

    /** @return the transfer {@code op} answers, given {@code value} as its argument {@code field} */
    private Transfer transfer(Op op, String field, Object value) {
        return call(op, call -> call.put(field, value), Answers::transfer);
    }

    private void run(Op op) {
        call(op, UnaryOperator.identity(), Function.identity());
    }

    private <T> T call(Op op, UnaryOperator<JsonObject> arguments, Function<Object, T> answer) {
        Connection current = remote.connection();
        long on = handleOn(current);
        return remote.call(current, op, call -> arguments.apply(call.put(Message.SESSION, on)), answer);
    }

    /** @return the session's handle on {@code current}, asking for the session there if it has none yet */
    private synchronized long handleOn(Connection current) {
        if (current != connection) {
            if (invalidated) {
                throw new IllegalStateException(NLS.bind(Messages.sessionInvalidated, identifier));
            }
            handle = remote.open(current, identifier, configuration);
            connection = current;
        }
        return handle;
    }

    @Override
    public String toString() {
        return "RemoteSession[" + identifier + "]";
    }
}
