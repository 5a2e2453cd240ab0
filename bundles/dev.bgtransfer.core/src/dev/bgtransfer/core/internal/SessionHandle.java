package dev.bgtransfer.core.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.DataRequest;
import dev.bgtransfer.core.DataResponse;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.UploadRequest;

/** A {@link TransferSession} as the service hands it out: the engine's operations, for one session. */
final class SessionHandle implements TransferSession {
    private final TransferEngine engine;
    private final String identifier;
    private volatile boolean invalidated;

    SessionHandle(TransferEngine engine, String identifier) {
        this.engine = engine;
        this.identifier = identifier;
    }

    @Override
    public String identifier() {
        return identifier;
    }

    @Override
    public SessionConfiguration configuration() {
        return engine.reads().configuration(identifier);
    }

    @Override
    public Transfer add(TransferRequest request) {
        checkValid();
        return engine.add(identifier, request, false);
    }

    @Override
    public Transfer download(TransferRequest request) {
        checkValid();
        return engine.add(identifier, request, true);
    }

    @Override
    public Transfer download(URI url) {
        Path folder = configuration().downloadFolder().orElseThrow(
                () -> new IllegalStateException(NLS.bind(RequestMessages.sessionWithoutFolder, identifier)));
        return download(TransferRequest.of(url, folder));
    }

    @Override
    public Transfer upload(UploadRequest request) {
        checkValid();
        return engine.upload(identifier, request, readableSize(request.file()), true);
    }

    @Override
    public Transfer add(UploadRequest request) {
        checkValid();
        return engine.upload(identifier, request, readableSize(request.file()), false);
    }

    /** @return the size of {@code file}, checked to be a regular file that can be read */
    private static long readableSize(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.uploadNoFile, file));
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.uploadNotFile, file));
        }
        if (!Files.isReadable(file)) {
            throw unreadable(file);
        }
        try {
            return Files.size(file);
        } catch (IOException gone) {
            throw unreadable(file);
        }
    }

    private static IllegalArgumentException unreadable(Path file) {
        return new IllegalArgumentException(NLS.bind(RequestMessages.uploadUnreadable, file));
    }

    @Override
    public CompletableFuture<DataResponse> fetch(DataRequest request) {
        checkValid();
        // only the look at the session's options takes the engine's lock, not the network
        return engine.dataTasks().fetch(identifier, Objects.requireNonNull(request, "request"),
                engine.reads().configuration(identifier).options());
    }

    @Override
    public List<Transfer> transfers() {
        return engine.reads().transfers(identifier);
    }

    @Override
    public List<Transfer> unfinished() {
        return engine.reads().unfinished(identifier);
    }

    @Override
    public void startAll() {
        engine.forEachUnfinished(identifier, engine::start);
        engine.awaitStored();
    }

    @Override
    public void pauseAll() {
        engine.forEachUnfinished(identifier, engine::pause);
        engine.awaitStored();
    }

    @Override
    public void stopAll() {
        engine.forEachUnfinished(identifier, engine::stop);
        engine.awaitStored();
    }

    @Override
    public void reset() {
        engine.reset(identifier);
        engine.awaitStored();
    }

    @Override
    public void invalidate() {
        invalidated = true;
        engine.invalidate(identifier);
        engine.awaitStored();
    }

    private void checkValid() {
        if (invalidated) {
            throw new IllegalStateException(NLS.bind(RequestMessages.sessionInvalidated, identifier));
        }
    }

    @Override
    public String toString() {
        return "TransferSession[" + identifier + "]";
    }
}
