package dev.bgtransfer.remote.internal.composite;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.bgtransfer.core.TransferListener;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.remote.internal.client.RemoteTransfers;

/** Builds composites for tests of other packages, as SCR would with its properties. */
public final class CompositeTransferServiceAccess {
    private CompositeTransferServiceAccess() {
    }

    /**
     * @return a composite of {@code local} and the daemon {@code connect} reaches on {@code socket},
     *         which {@code start} starts
     */
    public static TransferService composite(TransferService local, Path socket, Supplier<RemoteTransfers> connect,
            Runnable start) {
        return new CompositeTransferService(local, connect, Optional.of(start), CompositeTransferService.inUse(socket));
    }

    /** Binds {@code listener} as SCR binds the composite's whiteboard listeners. */
    public static void addListener(TransferService composite, TransferListener listener, Map<String, Object> properties) {
        ((CompositeTransferService) composite).addListener(listener, properties);
    }
}
