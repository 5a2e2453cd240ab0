package dev.bgtransfer.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.cli.internal.remote.OwnFolders;

/**
 * Makes the command's state folder the one the transfer store and the service use. It must run
 * before anything first asks for the {@code TransferService}: the store reads the folder from the
 * property {@value #STATE_PROPERTY} when it activates. The folder also becomes the instance area,
 * locked ({@code .metadata/.lock}, a lock the system drops with the process, even after {@code kill -9}):
 * the one process that holds it, a daemon or a command run by itself, is the only one that opens the
 * folder's store, and the log lands in it.
 */
final class StateFolder {
    /** Read by the SQLite store when it activates. */
    static final String STATE_PROPERTY = "dev.bgtransfer.state";
    /** Read by the service when it activates: the command decides what continues. */
    static final String CONTINUE_PROPERTY = "dev.bgtransfer.continueUnfinished";
    private static final long RETRY_MILLIS = 100;

    private StateFolder() {
    }

    /**
     * Claims the folder for a command run in this process. What was under way when the last process
     * ended is paused: the command continues what it names.
     */
    static void claim(Path folder) throws CommandFailure {
        if (!tryClaim(folder)) {
            throw new CommandFailure(NLS.bind(Messages.stateInUse, folder));
        }
        use(folder, false);
    }

    /**
     * Claims the folder for its daemon, which continues what was under way when the last process
     * ended. While another process holds the folder, waits up to {@code wait} for it (a daemon that
     * makes way ends in a moment), but gives up at once when {@code anotherDaemonServes}: two
     * daemons started at once for one folder, the lock decided, and clients go to the other.
     */
    static void claimForDaemon(Path folder, Duration wait, BooleanSupplier anotherDaemonServes)
            throws CommandFailure, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!tryClaim(folder)) {
            if (anotherDaemonServes.getAsBoolean()) {
                throw new CommandFailure(NLS.bind(Messages.alreadyServed, folder));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new CommandFailure(NLS.bind(Messages.stateInUse, folder));
            }
            Thread.sleep(RETRY_MILLIS);
        }
        use(folder, true);
    }

    /** @throws CommandFailure with a sentence (exit status 2) when {@code folder} is a link or another user's */
    static void requireOwn(Path folder) throws CommandFailure {
        try {
            OwnFolders.check(folder);
        } catch (IOException notThisUsers) {
            throw new CommandFailure(notThisUsers.getMessage(), CliApplication.USAGE);
        }
    }

    /** @return false when another process holds the folder */
    private static boolean tryClaim(Path folder) throws CommandFailure {
        requireOwn(folder);
        try {
            Files.createDirectories(folder);
            Location instance = Platform.getInstanceLocation();
            return instance == null || instance.isSet() || instance.set(folder.toUri().toURL(), true);
        } catch (IOException | IllegalStateException unusable) {
            throw new CommandFailure(NLS.bind(Messages.stateUnusable, folder, unusable.getMessage()));
        }
    }

    private static void use(Path folder, boolean continueUnfinished) {
        System.setProperty(STATE_PROPERTY, folder.toString());
        System.setProperty(CONTINUE_PROPERTY, Boolean.toString(continueUnfinished));
    }
}
