package dev.bgtransfer.cli.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.cli.internal.remote.OwnFolders;

/**
 * The daemon's Unix-domain socket, in a folder of its own that only this user may enter (see
 * {@link OwnFolders} for why that, and not the peer's credentials, is what keeps others out).
 * Closing it removes the socket, so that clients start a daemon again, or run their commands themselves.
 */
final class DaemonSocket implements AutoCloseable {
    /** A Unix-domain socket path is limited to 108 bytes with its terminating NUL on Linux. */
    private static final int MAX_SOCKET_PATH = 107;

    private final Path path;
    private final ServerSocketChannel channel;

    private DaemonSocket(Path path, ServerSocketChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * Binds {@code path}. A socket left there is stale: this process holds the state folder's lock,
     * so no other daemon is listening (one killed with {@code kill -9} leaves its socket behind).
     */
    static DaemonSocket bind(Path path) throws CommandFailure {
        if (path.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            throw new CommandFailure(NLS.bind(Messages.socketPathTooLong, path));
        }
        Path folder = path.getParent();
        StateFolder.requireOwn(folder);
        try {
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(path);
            }
            ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.bind(UnixDomainSocketAddress.of(path));
            } catch (IOException cannotBind) {
                channel.close();
                throw cannotBind;
            }
            return new DaemonSocket(path, channel);
        } catch (IOException | UnsupportedOperationException unusable) {
            throw new CommandFailure(NLS.bind(Messages.serveUnusable, path, unusable.getMessage()));
        }
    }

    Path path() {
        return path;
    }

    /** @throws java.nio.channels.AsynchronousCloseException once the socket was closed */
    SocketChannel accept() throws IOException {
        return channel.accept();
    }

    /** Takes no more clients: the socket goes first, so that no client connects to a daemon that ends. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException leftBehind) {
            // the next daemon removes it; clients that find no listener start one
        }
        try {
            channel.close();
        } catch (IOException alreadyClosed) {
            // nothing to stop
        }
    }
}
