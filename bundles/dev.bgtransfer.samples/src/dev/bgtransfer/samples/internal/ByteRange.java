package dev.bgtransfer.samples.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * One byte range of a {@code Range} header, resolved against an entity's size.
 *
 * @param first the first byte, inclusive
 * @param last  the last byte, inclusive
 */
public record ByteRange(long first, long last) {

    /** @return the number of bytes in the range */
    public long length() {
        return last - first + 1;
    }

    /**
     * Reads {@code bytes=A-}, {@code bytes=A-B} or {@code bytes=-N}. Anything else (other units,
     * several ranges, garbage) is no range at all, which RFC 9110 lets a server answer with the
     * whole entity.
     *
     * @return the range, {@link Optional#empty()} to send everything, or {@code null} when the
     *         range is well-formed but starts beyond the end (416)
     */
    public static Optional<ByteRange> parse(String header, long size) {
        String value = header.strip().toLowerCase(Locale.ROOT);
        if (!value.startsWith("bytes=") || value.indexOf(',') >= 0) {
            return Optional.empty();
        }
        String spec = value.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        long first = number(spec.substring(0, dash).strip());
        long last = number(spec.substring(dash + 1).strip());
        if (first == -2 || last == -2 || (first < 0 && last < 0)) {
            return Optional.empty();
        }
        if (first < 0) { // suffix: the last N bytes
            return last == 0 || size == 0 ? null : Optional.of(new ByteRange(Math.max(0, size - last), size - 1));
        }
        if (last >= 0 && last < first) {
            return Optional.empty();
        }
        if (first >= size) {
            return null;
        }
        return Optional.of(new ByteRange(first, last < 0 ? size - 1 : Math.min(last, size - 1)));
    }

    /** @return the number, -1 when empty, -2 when not a number */
    private static long number(String digits) {
        if (digits.isEmpty()) {
            return -1;
        }
        if (digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -2;
        }
        return Long.parseLong(digits);
    }
}
