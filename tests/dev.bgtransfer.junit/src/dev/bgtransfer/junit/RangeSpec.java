package dev.bgtransfer.junit;

/**
 * A single byte range from a {@code Range} header: {@code bytes=first-}, {@code bytes=first-last}
 * or {@code bytes=-suffix}. Multiple ranges and malformed values are not supported and parse to
 * {@code null}, which the server treats as "no range" (full 200 response).
 *
 * @param first  the first byte position, or {@code -1} for a suffix range
 * @param last   the last byte position (inclusive), or {@code -1} when open-ended
 * @param suffix the suffix length for {@code bytes=-N}, otherwise {@code -1}
 */
record RangeSpec(long first, long last, long suffix) {

    private static final String PREFIX = "bytes=";

    /** @return the parsed range, or {@code null} if absent, malformed or a multi-range */
    static RangeSpec parse(String header) {
        if (header == null) {
            return null;
        }
        final String value = header.trim();
        if (value.length() < PREFIX.length() || !value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        final String spec = value.substring(PREFIX.length()).trim();
        if (spec.indexOf(',') >= 0) {
            return null;
        }
        final int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        final String left = spec.substring(0, dash).trim();
        final String right = spec.substring(dash + 1).trim();
        try {
            if (left.isEmpty()) {
                final long suffix = parseDigits(right);
                return suffix < 0 ? null : new RangeSpec(-1, -1, suffix);
            }
            final long first = parseDigits(left);
            if (first < 0) {
                return null;
            }
            if (right.isEmpty()) {
                return new RangeSpec(first, -1, -1);
            }
            final long last = parseDigits(right);
            return last < first ? null : new RangeSpec(first, last, -1);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long parseDigits(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(text);
    }

    /** @return whether this range selects at least one byte of an entity of the given size */
    boolean satisfiable(long size) {
        return first >= 0 ? first < size : suffix > 0 && size > 0;
    }

    /** @return the first selected byte position; only valid if {@link #satisfiable(long)} */
    long start(long size) {
        return first >= 0 ? first : Math.max(0, size - suffix);
    }

    /** @return the last selected byte position (inclusive); only valid if {@link #satisfiable(long)} */
    long end(long size) {
        return first >= 0 && last >= 0 ? Math.min(last, size - 1) : size - 1;
    }
}
