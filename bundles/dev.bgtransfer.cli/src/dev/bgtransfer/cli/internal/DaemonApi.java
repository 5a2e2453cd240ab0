package dev.bgtransfer.cli.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.osgi.util.NLS;
import org.osgi.framework.FrameworkUtil;

import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.remote.internal.launch.DefaultState;
import dev.bgtransfer.remote.internal.server.ApiServer;
import dev.bgtransfer.remote.internal.server.ListenerRegistry;

/**
 * The daemon's second socket: the whole {@link TransferService} API, for the composite service of a
 * workbench, whose background sessions the daemon then runs. It lies beside the command socket, in
 * the folder that {@link DaemonSocket} made for this user only, and is bound once the state folder's
 * lock is held, so a socket found there is stale and replaced.
 */
final class DaemonApi {
    /**
     * The framework property that enables the composite service of {@code dev.bgtransfer.remote}. A
     * daemon's framework must never have it: its service would then hand background sessions to the
     * daemon it names, that is to itself, and its clients would never see them run.
     */
    static final String COMPOSITE_SOCKET = DefaultState.SOCKET_PROPERTY;

    private DaemonApi() {
    }

    /** Refuses to serve with the composite enabled (see {@link #COMPOSITE_SOCKET}). */
    static void requireCoreService() throws CommandFailure {
        String socket = FrameworkUtil.getBundle(DaemonApi.class).getBundleContext().getProperty(COMPOSITE_SOCKET);
        if (socket != null && !socket.isBlank()) {
            throw new CommandFailure(NLS.bind(Messages.serveWithComposite, COMPOSITE_SOCKET));
        }
    }

    /** @return the server of {@code service}'s API on {@code socket}, listening */
    static ApiServer serve(TransferService service, Path socket) throws CommandFailure {
        ApiServer server = new ApiServer(service, socket,
                ListenerRegistry.whiteboard(FrameworkUtil.getBundle(DaemonApi.class).getBundleContext()));
        try {
            server.start();
            return server;
        } catch (IOException | RuntimeException unusable) {
            throw new CommandFailure(NLS.bind(Messages.serveUnusable, socket, unusable.getMessage()));
        }
    }
}
