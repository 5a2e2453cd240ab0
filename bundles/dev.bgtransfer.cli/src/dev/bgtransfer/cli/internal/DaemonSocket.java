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
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.cli.internal.remote.OwnFolders;
import dev.bgtransfer.remote.internal.server.PeerUser;

/**
 * The daemon's Unix-domain socket, in a folder of its own that only this user may enter (see
 * {@link OwnFolders}); a process of another user that reaches it all the same is let go, where the
 * platform names the connecting process's user.
 * Closing it removes the socket, so that clients start a daemon again, or run their commands themselves.
 */
final class DaemonSocket implements AutoCloseable {
    /** A Unix-domain socket path is limited to 108 bytes with its terminating NUL on Linux. */
    private static final int MAX_SOCKET_PATH = 107;

    private final Path path;
    private final ServerSocketChannel channel;
    private final UserPrincipal owner;

    private DaemonSocket(Path path, ServerSocketChannel channel, UserPrincipal owner) {
        this.path = path;
        this.channel = channel;
        this.owner = owner;
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
            // who this process runs as: it just made the socket
            return new DaemonSocket(path, channel, Files.getOwner(path, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException unusable) {
            throw new CommandFailure(NLS.bind(Messages.serveUnusable, path, unusable.getMessage()));
        }
    }

    Path path() {
        return path;
    }

    /**
     * @param refused told the sentence for each process of another user that connected, which is let
     *                go without an answer (its folder's permissions were loosened: the folder is the
     *                first guard, the user the platform names the second)
     * @return the next connection of a process of this daemon's user, or of one the platform does not name
     * @throws java.nio.channels.AsynchronousCloseException once the socket was closed
     */
    SocketChannel accept(Consumer<String> refused) throws IOException {
        while (true) {
            SocketChannel client = channel.accept();
            Optional<UserPrincipal> peer = PeerUser.of(client);
            if (peer.isEmpty() || peer.get().equals(owner)) {
                return client;
            }
            refused.accept(NLS.bind(Messages.otherUserRefused, peer.get().getName(), owner.getName()));
            client.close();
        }
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
