package dev.bgtransfer.cli.internal;

import java.io.PrintStream;
import java.util.List;

import dev.bgtransfer.core.Transfer;

/** A one-line bar on a terminal, redrawn in place a few times a second. */
final class TerminalBar implements ProgressDisplay {
    private static final long REDRAW_NANOS = 250_000_000L;
    private static final int WIDTH = 30;
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintStream err;
    private final Throughput throughput = new Throughput();
    private long lastDraw;
    private boolean drawn;

    TerminalBar(PrintStream err) {
        this.err = err;
    }

    @Override
    public void show(List<Transfer> transfers) {
        long now = System.nanoTime();
        if (drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double fraction = Throughput.fraction(transfers);
        int filled = fraction < 0 ? 0 : (int) Math.round(fraction * WIDTH);
        String inside = fraction < 0 ? "?".repeat(WIDTH) : "#".repeat(filled) + ".".repeat(WIDTH - filled);
        err.print(CLEAR_LINE + "[" + inside + "] " + throughput.describe(transfers));
        err.flush();
        drawn = true;
    }

    @Override
    public void clear() {
        if (drawn) {
            err.print(CLEAR_LINE);
            err.flush();
            drawn = false;
        }
    }
}
