package dev.bgtransfer.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.remote.internal.launch.DefaultState;

/** Bad usage as a person sees it: what is wrong, then the usage; exit status 2. Needs no framework. */
final class Usage {
    static final int STATUS = 2;

    private Usage() {
    }

    /** Prints what is wrong with the command line and the usage; @return the exit status for bad usage */
    static int error(UsageException bad, PrintStream err, Path defaultState) {
        err.println(NLS.bind(Messages.usageError, bad.getMessage()));
        err.println();
        err.println(NLS.bind(Messages.usage, defaultState));
        return STATUS;
    }

    /**
     * @return the state folder when no --state is given: $XDG_STATE_HOME/bgtransfer, else
     *         ~/.local/state/bgtransfer, the one a workbench's composite service starts a daemon for
     */
    static Path defaultState() {
        return DefaultState.folder();
    }
}
