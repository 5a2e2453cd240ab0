package dev.bgtransfer.core.internal.jobs;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.ByteCounts;

/**
 * Reports bytes to the engine at most every 100 ms and to the Job's monitor at most every 500 ms
 * (the workbench draws each monitor change on its UI thread, in the Progress view and the status
 * line's progress region: with five transfers at 250 ms that alone kept the UI thread 3 % busy
 * with the Downloads view closed), and turns a cancelled monitor into
 * {@link OperationCanceledException}. The first report comes an interval after the response was
 * accepted (which the engine announces itself), and the end only goes to the monitor (the engine
 * announces the completion with its bytes): a small file costs the engine no progress at all.
 */
public final class ByteProgress {
    private static final long INTERVAL_NANOS = 100_000_000L;
    private static final long MONITOR_INTERVAL_NANOS = 500_000_000L;
    private static final int UNITS = 1000;

    public interface Sink {
        void progress(long bytes, long total);
    }

    private final SubMonitor monitor;
    private final Sink sink;
    private long lastReport = System.nanoTime();
    private long lastMonitorReport = lastReport;
    private int unitsDone;

    public ByteProgress(SubMonitor monitor, Sink sink) {
        this.monitor = monitor;
        this.sink = sink;
        monitor.setWorkRemaining(UNITS);
    }

    /** Checks for cancellation on every call; reports when the interval has passed. */
    public void update(long bytes, long total) {
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
        long now = System.nanoTime();
        if (now - lastReport >= INTERVAL_NANOS) {
            lastReport = now;
            if (now - lastMonitorReport >= MONITOR_INTERVAL_NANOS) {
                lastMonitorReport = now;
                reportToMonitor(bytes, total);
            }
            sink.progress(bytes, total);
        }
    }

    /** Reports the end to the monitor, whatever the interval. */
    public void reportEnd(long bytes, long total) {
        reportToMonitor(bytes, total);
    }

    private void reportToMonitor(long bytes, long total) {
        if (total > 0) {
            int units = (int) Math.min(UNITS, bytes * UNITS / total);
            if (units > unitsDone) {
                monitor.worked(units - unitsDone);
                unitsDone = units;
            }
            monitor.subTask(NLS.bind(Messages.progressKnown, ByteCounts.format(bytes), ByteCounts.format(total)));
        } else {
            // unknown size: the bar creeps towards its end without reaching it
            monitor.setWorkRemaining(UNITS).worked(1);
            monitor.subTask(NLS.bind(Messages.progressUnknown, ByteCounts.format(bytes)));
        }
    }
}
