package dev.bgtransfer.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.cli.internal.remote.ServiceSocket;

/**
 * {@code serve}: keeps the transfer service of a state folder running and takes the {@code get},
 * {@code put}, {@code list} and {@code resume} commands that clients hand it over a Unix-domain
 * socket in a folder only its owner can enter, so that those commands start in a few hundredths of a second
 * instead of starting the framework and the service each time.
 */
final class ServeCommand {
    /** A Unix-domain socket path is limited to 108 bytes with its terminating NUL on Linux. */
    private static final int MAX_SOCKET_PATH = 107;

    private final Path state;
    private final TransferCommands commands;
    private volatile ServerSocketChannel server;

    ServeCommand(Path state, TransferCommands commands) {
        this.state = state;
        this.commands = commands;
    }

    /** Serves until {@link #stop()} or the end of the process; @return the exit status */
    int serve(PrintStream err) throws CommandFailure {
        Path socket = ServiceSocket.of(state);
        server = bind(socket);
        err.println(NLS.bind(Messages.serving, state, socket));
        try (ServerSocketChannel listening = server) {
            while (true) {
                SocketChannel client = listening.accept();
                Thread.ofPlatform().daemon().name("bgtransfer client").start(new ServedSession(client, state, commands));
            }
        } catch (AsynchronousCloseException stopped) {
            return 0;
        } catch (IOException broken) {
            throw new CommandFailure(NLS.bind(Messages.serveUnusable, socket, broken.getMessage()));
        } finally {
            forget(socket);
        }
    }

    /** Stops taking commands; those being run end with the service. */
    void stop() {
        ServerSocketChannel listening = server;
        if (listening != null) {
            try {
                listening.close();
            } catch (IOException alreadyGone) {
                // nothing to stop
            }
        }
    }

    /** Removes the socket so that clients run their commands themselves again. */
    private static void forget(Path socket) {
        try {
            Files.deleteIfExists(socket);
        } catch (IOException leftBehind) {
            // the next serve removes it; clients that find no listener run their commands themselves
        }
    }

    /**
     * Binds the socket in a folder of its own that only this user may enter. A socket left there
     * is stale: this process holds the state folder's lock, so no other service is listening.
     */
    private static ServerSocketChannel bind(Path socket) throws CommandFailure {
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            throw new CommandFailure(NLS.bind(Messages.socketPathTooLong, socket));
        }
        try {
            Path folder = socket.getParent();
            if (Files.isSymbolicLink(folder)) {
                throw new IOException(NLS.bind(Messages.socketFolderIsLink, folder));
            }
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(socket);
            }
            ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.bind(UnixDomainSocketAddress.of(socket));
            } catch (IOException cannotBind) {
                channel.close();
                throw cannotBind;
            }
            return channel;
        } catch (IOException | UnsupportedOperationException unusable) {
            throw new CommandFailure(NLS.bind(Messages.serveUnusable, socket, unusable.getMessage()));
        }
    }
}
