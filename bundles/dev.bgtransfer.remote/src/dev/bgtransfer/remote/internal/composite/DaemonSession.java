package dev.bgtransfer.remote.internal.composite;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.bgtransfer.core.DataRequest;
import dev.bgtransfer.core.DataResponse;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.UploadRequest;

/** A session the per-user service runs, whose transfers carry their {@link RemoteIds mapped} ids. */
final class DaemonSession implements TransferSession {
    private final TransferSession remote;

    DaemonSession(TransferSession remote) {
        this.remote = remote;
    }

    @Override
    public String identifier() {
        return remote.identifier();
    }

    @Override
    public SessionConfiguration configuration() {
        return remote.configuration();
    }

    @Override
    public Transfer add(TransferRequest request) {
        return RemoteIds.mapped(remote.add(request));
    }

    @Override
    public Transfer download(TransferRequest request) {
        return RemoteIds.mapped(remote.download(request));
    }

    @Override
    public Transfer download(URI url) {
        return RemoteIds.mapped(remote.download(url));
    }

    @Override
    public Transfer upload(UploadRequest request) {
        return RemoteIds.mapped(remote.upload(request));
    }

    @Override
    public Transfer add(UploadRequest request) {
        return RemoteIds.mapped(remote.add(request));
    }

    /** Runs in this process, as the remote session's data tasks do. */
    @Override
    public CompletableFuture<DataResponse> fetch(DataRequest request) {
        return remote.fetch(request);
    }

    @Override
    public List<Transfer> transfers() {
        return RemoteIds.mapped(remote.transfers());
    }

    @Override
    public List<Transfer> unfinished() {
        return RemoteIds.mapped(remote.unfinished());
    }

    @Override
    public void startAll() {
        remote.startAll();
    }

    @Override
    public void pauseAll() {
        remote.pauseAll();
    }

    @Override
    public void stopAll() {
        remote.stopAll();
    }

    @Override
    public void reset() {
        remote.reset();
    }

    @Override
    public void invalidate() {
        remote.invalidate();
    }

    @Override
    public String toString() {
        return "DaemonSession[" + identifier() + "]";
    }
}
