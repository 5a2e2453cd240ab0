package dev.bgtransfer.remote.internal.launch;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The state folders of the per-user daemon and its API socket: the command line's default (also
 * what a workbench means by the socket property's value {@value #DEFAULT_SOCKET}) and where the API
 * socket lies in a state folder. Plain Java: the launcher's usage check reads it without a framework.
 */
public final class DefaultState {
    /**
     * The framework property that names the per-user service's API socket to a workbench (enabling
     * the composite service there), and that the daemon's own framework must never have.
     */
    public static final String SOCKET_PROPERTY = "dev.bgtransfer.daemon.socket"; //$NON-NLS-1$
    /** The socket property's value that means the default state folder's daemon, started when needed. */
    public static final String DEFAULT_SOCKET = "default"; //$NON-NLS-1$

    private DefaultState() {
    }

    /** @return the state folder when none is given: $XDG_STATE_HOME/bgtransfer, else ~/.local/state/bgtransfer */
    public static Path folder() {
        String xdg = System.getenv("XDG_STATE_HOME"); //$NON-NLS-1$
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "state"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        return base.resolve("bgtransfer"); //$NON-NLS-1$
    }

    /** @return the socket on which the daemon of {@code state} serves the {@code TransferService} API */
    public static Path apiSocket(Path state) {
        return state.resolve(".service").resolve("api"); //$NON-NLS-1$ //$NON-NLS-2$
    }

    /** @return the state folder whose API socket {@code socket} is, if it is one */
    public static Optional<Path> ofApiSocket(Path socket) {
        Path absolute = socket.toAbsolutePath().normalize();
        Path service = absolute.getParent();
        return service != null && service.getParent() != null && apiSocket(service.getParent()).equals(absolute)
                ? Optional.of(service.getParent())
                : Optional.empty();
    }
}
