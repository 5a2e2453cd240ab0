package dev.bgtransfer.app.internal.cli;

import java.util.Locale;

/** Byte counts as people read them: powers of 1000, like the file managers. */
final class Sizes {
    private static final String[] UNITS = { "B", "KB", "MB", "GB", "TB" };

    private Sizes() {
    }

    static String format(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, unit == 0 || value >= 100 ? "%.0f %s" : "%.1f %s", value, UNITS[unit]);
    }
}
