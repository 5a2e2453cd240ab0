package dev.bgtransfer.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.osgi.util.NLS;

/**
 * Makes the command's state folder the one the transfer store and the service use. It must run
 * before anything first asks for the {@code TransferService}: the store reads the folder from the
 * property {@value #STATE_PROPERTY} when it activates. The folder also becomes the (locked)
 * instance area, so two commands never share a store and the log lands in it.
 */
final class StateFolder {
    /** Read by the SQLite store when it activates. */
    static final String STATE_PROPERTY = "dev.bgtransfer.state";
    /** Read by the service when it activates: the command decides what continues. */
    static final String CONTINUE_PROPERTY = "dev.bgtransfer.continueUnfinished";

    private StateFolder() {
    }

    /** @return where the log is, to name in messages */
    static Path claim(Path folder) throws CommandFailure {
        try {
            Files.createDirectories(folder);
            Location instance = Platform.getInstanceLocation();
            if (instance != null && !instance.isSet() && !instance.set(folder.toUri().toURL(), true)) {
                throw new CommandFailure(NLS.bind(Messages.stateInUse, folder));
            }
        } catch (IOException | IllegalStateException unusable) {
            throw new CommandFailure(NLS.bind(Messages.stateUnusable, folder, unusable.getMessage()));
        }
        System.setProperty(STATE_PROPERTY, folder.toString());
        System.setProperty(CONTINUE_PROPERTY, Boolean.FALSE.toString());
        return folder.resolve(".metadata").resolve(".log");
    }
}
