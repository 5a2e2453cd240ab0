package dev.bgtransfer.cli.internal;

import java.io.PrintStream;
import java.util.List;

import dev.bgtransfer.core.Transfer;

/** Progress for a log or a pipe: a plain line every few seconds. */
final class PeriodicLines implements ProgressDisplay {
    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final PrintStream err;
    private final Throughput throughput = new Throughput();
    private long lastLine = System.nanoTime();

    PeriodicLines(PrintStream err) {
        this.err = err;
    }

    @Override
    public void show(List<Transfer> transfers) {
        String line = throughput.describe(transfers); // measures every tick, prints now and then
        long now = System.nanoTime();
        if (now - lastLine >= INTERVAL_NANOS) {
            lastLine = now;
            err.println(line);
        }
    }

    @Override
    public void clear() {
        // lines are never redrawn
    }
}
