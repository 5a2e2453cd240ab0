package dev.bgtransfer.core.internal;

import java.util.Locale;

/** Byte counts as people read them. */
final class Bytes {
    private static final String[] UNITS = { "B", "KB", "MB", "GB", "TB" };

    private Bytes() {
    }

    /** @return for example "700 KB" or "28.6 MB" (powers of 1000, like the file managers) */
    static String format(long bytes) {
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
