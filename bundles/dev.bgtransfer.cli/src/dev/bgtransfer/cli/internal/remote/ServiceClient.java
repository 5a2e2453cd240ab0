package dev.bgtransfer.cli.internal.remote;

import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ResourceBundle;

/**
 * Hands a {@code get}, {@code put}, {@code list} or {@code resume} to the running service of its state folder
 * and relays what it prints and its exit status: a plain JVM with a handful of JDK classes starts
 * in a few hundredths of a second, the OSGi framework and the service in more than a second.
 * <p>
 * {@code java -cp dev.bgtransfer.cli.jar dev.bgtransfer.cli.internal.remote.ServiceClient SOCKET ARGUMENT...}
 * exits with {@link ServiceSocket#NO_SERVICE} when nothing answers on {@code SOCKET}, so that the
 * launcher runs the command itself.
 */
public final class ServiceClient {
    private static final String TERMINAL_PROPERTY = "dev.bgtransfer.cli.terminal";
    /** The status a shell gives a command that SIGPIPE ended. */
    private static final int BROKEN_PIPE = 128 + 13;

    private ServiceClient() {
    }

    public static void main(String[] arguments) {
        if (arguments.length < 1) {
            exit(ServiceSocket.NO_SERVICE);
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(arguments[0]));
        } catch (IOException | RuntimeException nobodyListens) {
            exit(ServiceSocket.NO_SERVICE);
            return;
        }
        try (channel) {
            new ServiceSocket.Request(Path.of("").toAbsolutePath(), Boolean.getBoolean(TERMINAL_PROPERTY),
                    Arrays.asList(arguments).subList(1, arguments.length)).writeTo(channel);
            exit(relay(channel));
        } catch (IOException serviceWentAway) {
            System.err.println(ResourceBundle.getBundle(ServiceClient.class.getPackageName() + ".messages")
                    .getString("serviceStopped"));
            exit(1);
        }
    }

    /**
     * Ends the JVM at once: the client has no shutdown work, and {@code System.exit} first sets up
     * the platform logging to record the exit, a few milliseconds of a client that lives ~50.
     */
    private static void exit(int status) {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }

    private static int relay(SocketChannel channel) throws IOException {
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        ByteBuffer header = ByteBuffer.allocate(1 + Integer.BYTES);
        byte[] payload = new byte[8192];
        while (true) {
            ServiceSocket.readFully(channel, header.clear());
            byte kind = header.get();
            int value = header.getInt();
            if (kind == ServiceSocket.EXIT) {
                return value;
            }
            if (value < 0) {
                throw new EOFException();
            }
            if (payload.length < value) {
                payload = new byte[value];
            }
            ServiceSocket.readFully(channel, ByteBuffer.wrap(payload, 0, value));
            try {
                (kind == ServiceSocket.STDOUT ? out : err).write(payload, 0, value);
            } catch (IOException readerGone) {
                return BROKEN_PIPE; // e.g. `list | head`: stop quietly, as the tools around us do
            }
        }
    }
}
