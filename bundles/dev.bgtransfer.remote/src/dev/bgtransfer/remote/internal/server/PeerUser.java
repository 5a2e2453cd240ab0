package dev.bgtransfer.remote.internal.server;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;

import jdk.net.ExtendedSocketOptions;

/**
 * The user of the process at the other end of a connection, where the platform tells it (Linux and
 * macOS: {@code SO_PEERCRED}). The socket's folder is the guard; this is the second one, for a folder
 * whose permissions were loosened. The API's server and the command line's daemon both ask it.
 */
public final class PeerUser {

    private PeerUser() {
    }

    /** @return the user the connecting process runs as; empty where the platform does not say */
    public static Optional<UserPrincipal> of(SocketChannel channel) {
        try {
            if (!channel.supportedOptions().contains(ExtendedSocketOptions.SO_PEERCRED)) {
                return Optional.empty();
            }
            return Optional.of(channel.getOption(ExtendedSocketOptions.SO_PEERCRED).user());
        } catch (IOException | UnsupportedOperationException | LinkageError unknown) {
            return Optional.empty(); // no jdk.net in this runtime, or the socket is already gone
        }
    }
}
