package dev.bgtransfer.core;

import java.util.Locale;

/** Byte counts as people read them, the same in every consumer of the service. */
public final class ByteCounts {
    private static final String[] UNITS = { "B", "KB", "MB", "GB", "TB" };

    private ByteCounts() {
    }

    /** @return for example "700 KB" or "28.6 MB" (powers of 1000, like the file managers) */
    public static String format(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        String pattern = unit == 0 || value >= 100 ? "%.0f %s" : "%.1f %s";
        return String.format(Locale.ROOT, pattern, value, UNITS[unit]);
    }
}
