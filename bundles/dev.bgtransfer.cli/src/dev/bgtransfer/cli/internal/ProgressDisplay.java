package dev.bgtransfer.cli.internal;

import java.io.PrintStream;
import java.util.List;

import dev.bgtransfer.core.Transfer;

/** Shows how far the transfers are, on stderr. */
interface ProgressDisplay {

    /** Called about ten times a second with the transfers being waited for. */
    void show(List<Transfer> transfers);

    /** Makes room for a line of other output (a result or a failure). */
    void clear();

    /** @return a bar redrawn in place on a terminal, a plain line now and then otherwise, or nothing */
    static ProgressDisplay create(boolean quiet, boolean terminal, PrintStream err) {
        if (quiet) {
            return new ProgressDisplay() {
                @Override
                public void show(List<Transfer> transfers) {
                    // quiet
                }

                @Override
                public void clear() {
                    // nothing shown
                }
            };
        }
        return terminal ? new TerminalBar(err) : new PeriodicLines(err);
    }
}
