package dev.bgtransfer.core.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.bgtransfer.core.DataRequest;
import dev.bgtransfer.core.DataResponse;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferSession;

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
        return engine.configuration(identifier);
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
    public CompletableFuture<DataResponse> fetch(DataRequest request) {
        checkValid();
        return engine.fetch(identifier, request);
    }

    @Override
    public List<Transfer> transfers() {
        return engine.transfers(identifier);
    }

    @Override
    public List<Transfer> unfinished() {
        return engine.unfinished(identifier);
    }

    @Override
    public void startAll() {
        engine.forEachUnfinished(identifier, engine::start);
    }

    @Override
    public void pauseAll() {
        engine.forEachUnfinished(identifier, engine::pause);
    }

    @Override
    public void stopAll() {
        engine.forEachUnfinished(identifier, engine::stop);
    }

    @Override
    public void reset() {
        engine.reset(identifier);
    }

    @Override
    public void invalidate() {
        invalidated = true;
        engine.invalidate(identifier);
    }

    private void checkValid() {
        if (invalidated) {
            throw new IllegalStateException("The session \"" + identifier + "\" was invalidated; ask the service for a new one");
        }
    }

    @Override
    public String toString() {
        return "TransferSession[" + identifier + "]";
    }
}
