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

/**
 * A session the per-user service runs, whose transfers carry their {@link RemoteIds mapped} ids. Its
 * calls go through the {@link DaemonLink}, so one that finds the daemon gone starts it again where this
 * process may; its listings give nothing while the daemon is away (this process runs none of its transfers).
 */
final class DaemonSession implements TransferSession {
    private final TransferSession remote;
    private final DaemonLink daemon;

    /** @param daemon through which the calls go, so that one that finds the daemon gone starts it again */
    DaemonSession(TransferSession remote, DaemonLink daemon) {
        this.remote = remote;
        this.daemon = daemon;
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
        return RemoteIds.mapped(daemon.call(client -> remote.add(request)));
    }

    @Override
    public Transfer download(TransferRequest request) {
        return RemoteIds.mapped(daemon.call(client -> remote.download(request)));
    }

    @Override
    public Transfer download(URI url) {
        return RemoteIds.mapped(daemon.call(client -> remote.download(url)));
    }

    @Override
    public Transfer upload(UploadRequest request) {
        return RemoteIds.mapped(daemon.call(client -> remote.upload(request)));
    }

    @Override
    public Transfer add(UploadRequest request) {
        return RemoteIds.mapped(daemon.call(client -> remote.add(request)));
    }

    /** Runs in this process, as the remote session's data tasks do. */
    @Override
    public CompletableFuture<DataResponse> fetch(DataRequest request) {
        return remote.fetch(request);
    }

    @Override
    public List<Transfer> transfers() {
        return daemon.listing(client -> remote.transfers()).map(RemoteIds::mapped).orElse(List.of());
    }

    @Override
    public List<Transfer> unfinished() {
        return daemon.listing(client -> remote.unfinished()).map(RemoteIds::mapped).orElse(List.of());
    }

    @Override
    public void startAll() {
        daemon.run(client -> remote.startAll());
    }

    @Override
    public void pauseAll() {
        daemon.run(client -> remote.pauseAll());
    }

    @Override
    public void stopAll() {
        daemon.run(client -> remote.stopAll());
    }

    @Override
    public void reset() {
        daemon.run(client -> remote.reset());
    }

    @Override
    public void invalidate() {
        daemon.run(client -> remote.invalidate());
    }

    @Override
    public String toString() {
        return "DaemonSession[" + identifier() + "]";
    }
}
