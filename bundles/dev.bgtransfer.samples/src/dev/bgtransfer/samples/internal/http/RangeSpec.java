package dev.bgtransfer.samples.internal.http;

/**
 * The one byte range of a {@code Range} header, as asked, before it meets an entity's size:
 * {@code bytes=first-}, {@code bytes=first-last} or {@code bytes=-suffix} (RFC 9110 14.1.2).
 *
 * @param first  the first byte position, or {@code -1} for a suffix range
 * @param last   the last byte position (inclusive), or {@code -1} when open-ended
 * @param suffix the suffix length of {@code bytes=-N}, otherwise {@code -1}
 */
public record RangeSpec(long first, long last, long suffix) {
    private static final String UNIT = "bytes=";

    /**
     * Other units, several ranges, a last position before the first, numbers too long for a
     * {@code long} and anything else malformed are no range at all, which RFC 9110 lets a server
     * answer with the whole entity.
     *
     * @param header the {@code Range} header's value, or {@code null}
     * @return the range, or {@code null} when the header is absent or not one well-formed range
     */
    public static RangeSpec parse(String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, UNIT, 0, UNIT.length())) {
            return null;
        }
        String spec = value.substring(UNIT.length()).strip();
        int dash = spec.indexOf('-');
        if (dash < 0 || spec.indexOf(',') >= 0) {
            return null;
        }
        long first = number(spec.substring(0, dash).strip());
        long last = number(spec.substring(dash + 1).strip());
        if (first == -1 && last >= 0) {
            return new RangeSpec(-1, -1, last);
        }
        if (first < 0 || last < -1 || last >= 0 && last < first) {
            return null;
        }
        return new RangeSpec(first, last, -1);
    }

    /** @return the number, -1 when empty, -2 when not a number that fits a {@code long} */
    private static long number(String digits) {
        if (digits.isEmpty()) {
            return -1;
        }
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -2;
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLong) {
            return -2;
        }
    }

    /** @return whether this range selects at least one byte of an entity of {@code size} bytes */
    public boolean satisfiable(long size) {
        return first >= 0 ? first < size : suffix > 0 && size > 0;
    }

    /** @return the first selected byte; only when {@link #satisfiable(long)} */
    public long start(long size) {
        return first >= 0 ? first : Math.max(0, size - suffix);
    }

    /** @return the last selected byte (inclusive); only when {@link #satisfiable(long)} */
    public long end(long size) {
        return first >= 0 && last >= 0 ? Math.min(last, size - 1) : size - 1;
    }
}
