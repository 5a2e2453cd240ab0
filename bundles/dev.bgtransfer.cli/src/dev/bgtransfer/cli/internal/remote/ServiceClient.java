package dev.bgtransfer.cli.internal.remote;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The plain-JDK client of the daemon of a state folder: hands it a {@code get}, {@code put},
 * {@code list}, {@code resume}, {@code pause}, {@code start}, {@code stop} or {@code remove}, and
 * relays what it prints and its exit status; answers {@code daemon status|stop}; and, where the launcher's
 * Perl client finds a daemon of another version, asks it to make way. A plain JVM with a handful of
 * JDK classes starts in a few hundredths of a second, the OSGi framework and the service in more than a second.
 * <p>
 * {@code java -cp dev.bgtransfer.cli.jar dev.bgtransfer.cli.internal.remote.ServiceClient SOCKET ARGUMENT...}
 * exits with {@link ServiceSocket#NO_SERVICE} when no daemon takes the command, so that the launcher starts
 * one, and with {@link ServiceSocket#IN_PROCESS} when the launcher is to run it itself.
 */
public final class ServiceClient {
    private static final String TERMINAL_PROPERTY = "dev.bgtransfer.cli.terminal";
    private static final String INTERACTIVE_PROPERTY = "dev.bgtransfer.cli.interactive";

    private ServiceClient() {
    }

    public static void main(String[] arguments) {
        if (arguments.length < 1) {
            exit(ServiceSocket.NO_SERVICE);
        }
        DaemonClient client = new DaemonClient(Path.of(arguments[0]), BuildVersion.current(),
                new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err));
        exit(client.run(Arrays.asList(arguments).subList(1, arguments.length), Boolean.getBoolean(TERMINAL_PROPERTY),
                Boolean.getBoolean(INTERACTIVE_PROPERTY)));
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
}
