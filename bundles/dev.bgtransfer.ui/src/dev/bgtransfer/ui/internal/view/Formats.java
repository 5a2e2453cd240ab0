package dev.bgtransfer.ui.internal.view;

import java.text.NumberFormat;
import java.time.Duration;

import org.eclipse.osgi.util.NLS;


/** Sizes, rates and durations the way a person reads them: "4.2 MB", "1.1 MB/s", "2 min 5 s". */
final class Formats {
    private static final String[] UNITS = { Messages.unitBytes, Messages.unitKilobytes, Messages.unitMegabytes,
            Messages.unitGigabytes, Messages.unitTerabytes };

    private Formats() {
    }

    /** @return the size in decimal units with one decimal above bytes, e.g. "4.2 MB" */
    static String bytes(long bytes) {
        if (bytes < 1000) {
            return NLS.bind(Messages.sizePattern, Long.toString(Math.max(0, bytes)), UNITS[0]);
        }
        double value = bytes;
        int unit = 0;
        while (value >= 999.95 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        NumberFormat format = NumberFormat.getNumberInstance();
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return NLS.bind(Messages.sizePattern, format.format(value), UNITS[unit]);
    }

    /** @return the rate, e.g. "1.1 MB/s" */
    static String rate(double bytesPerSecond) {
        return NLS.bind(Messages.ratePattern, bytes(Math.round(bytesPerSecond)));
    }

    /** @return a short duration, e.g. "45 s", "2 min 5 s", "1 h 20 min" */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return NLS.bind(Messages.durationSeconds, seconds);
        }
        if (seconds < 3600) {
            return NLS.bind(Messages.durationMinutes, seconds / 60, seconds % 60);
        }
        return NLS.bind(Messages.durationHours, seconds / 3600, seconds % 3600 / 60);
    }
}
