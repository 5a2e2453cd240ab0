package dev.bgtransfer.cli.internal;

import java.util.List;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.ByteCounts;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferState;

/** Sums transfers up and measures their speed over the last few seconds. */
final class Throughput {
    private static final double SMOOTHING = 0.3;
    private long lastBytes = -1;
    private long lastNanos;
    private double bytesPerSecond;

    /** @return for example "2 of 5 done, 12.3 MB of 56.2 MB (22%), 1.9 MB/s" */
    String describe(List<Transfer> transfers) {
        long received = 0;
        long total = 0;
        boolean totalKnown = true;
        int done = 0;
        for (Transfer transfer : transfers) {
            received += transfer.bytesReceived();
            totalKnown &= transfer.isSizeKnown();
            total += Math.max(0, transfer.totalBytes());
            done += transfer.state() == TransferState.COMPLETED ? 1 : 0;
        }
        measure(received);
        String speed = ByteCounts.format(Math.round(bytesPerSecond));
        if (totalKnown && total > 0) {
            return NLS.bind(Messages.progressLine, new Object[] { done, transfers.size(), ByteCounts.format(received),
                    ByteCounts.format(total), received * 100 / total, speed });
        }
        return NLS.bind(Messages.progressLineUnknown, new Object[] { done, transfers.size(), ByteCounts.format(received), speed });
    }

    /** @return the fraction done, or -1 when a size is unknown */
    static double fraction(List<Transfer> transfers) {
        long received = 0;
        long total = 0;
        for (Transfer transfer : transfers) {
            if (!transfer.isSizeKnown()) {
                return -1;
            }
            received += transfer.bytesReceived();
            total += transfer.totalBytes();
        }
        return total == 0 ? -1 : Math.min(1, (double) received / total);
    }

    private void measure(long received) {
        long now = System.nanoTime();
        if (lastBytes >= 0 && now > lastNanos) {
            double current = Math.max(0, received - lastBytes) * 1e9 / (now - lastNanos);
            bytesPerSecond = bytesPerSecond == 0 ? current : SMOOTHING * current + (1 - SMOOTHING) * bytesPerSecond;
        }
        lastBytes = received;
        lastNanos = now;
    }
}
