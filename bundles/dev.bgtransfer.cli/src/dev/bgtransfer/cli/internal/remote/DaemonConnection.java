package dev.bgtransfer.cli.internal.remote;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Optional;

import dev.bgtransfer.cli.internal.remote.Handshake.ClientHello;
import dev.bgtransfer.cli.internal.remote.Handshake.DaemonHello;
import dev.bgtransfer.cli.internal.remote.Handshake.MakeWayAnswer;

/** A connection to the daemon of a state folder, past the hellos: ready for one operation. */
public final class DaemonConnection implements AutoCloseable {
    private final SocketChannel channel;
    private final DaemonHello hello;

    private DaemonConnection(SocketChannel channel, DaemonHello hello) {
        this.channel = channel;
        this.hello = hello;
    }

    /**
     * @return the connection, or nothing when no daemon takes commands on {@code socket}: none runs,
     *         the socket is stale (its daemon was killed), or the daemon is ending
     * @throws IOException with a sentence when the socket's folder is not this user's
     */
    public static Optional<DaemonConnection> open(Path socket, String build) throws IOException {
        OwnFolders.check(socket.getParent());
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException | UnsupportedOperationException noUnixSockets) {
            return Optional.empty();
        }
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            new ClientHello(Handshake.PROTOCOL, build).writeTo(channel);
            DaemonHello hello = DaemonHello.readFrom(channel);
            if (hello.accepting()) {
                return Optional.of(new DaemonConnection(channel, hello));
            }
        } catch (IOException | RuntimeException nobodyAnswers) {
            // refused, stale, ending, or a daemon from before the handshake (which closes on a hello)
        }
        closeQuietly(channel);
        return Optional.empty();
    }

    /**
     * @return whether something listens on {@code socket}: a daemon, maybe still starting its service
     *         (it binds first), which the caller does not wait for
     */
    public static boolean answers(Path socket) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException | RuntimeException nobody) {
            return false;
        }
    }

    public DaemonHello hello() {
        return hello;
    }

    /** @return whether the daemon speaks this client's protocol, whatever its build */
    public boolean speaksThisProtocol() {
        return hello.protocol() == Handshake.PROTOCOL;
    }

    /** Hands a command over ({@link Handshake#RUN}): @return the channel for its request and answer */
    public SocketChannel run() throws IOException {
        Handshake.writeOperation(channel, Handshake.RUN);
        return channel;
    }

    /** Asks the daemon to exit if it is idle. */
    public MakeWayAnswer makeWay() throws IOException {
        Handshake.writeOperation(channel, Handshake.MAKE_WAY);
        return MakeWayAnswer.readFrom(channel);
    }

    /** Asks the daemon to exit; its transfers under way continue when it next starts. */
    public void quit() throws IOException {
        Handshake.writeOperation(channel, Handshake.QUIT);
        Handshake.readOperation(channel);
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException alreadyGone) {
            // nothing to release
        }
    }
}
