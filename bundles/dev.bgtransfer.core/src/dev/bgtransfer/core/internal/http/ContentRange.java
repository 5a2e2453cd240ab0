package dev.bgtransfer.core.internal.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code Content-Range} header: {@code bytes first-last/complete} of a 206, or
 * {@code bytes *}{@code /complete} of a 416.
 *
 * @param first    the first byte's offset, or -1 for the unsatisfied form
 * @param last     the last byte's offset (inclusive), or -1
 * @param complete the entity's length, or -1 when the server wrote {@code *}
 */
record ContentRange(long first, long last, long complete) {
    private static final Pattern SATISFIED = Pattern.compile("\\s*bytes\\s+(\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)\\s*");
    private static final Pattern UNSATISFIED = Pattern.compile("\\s*bytes\\s+\\*/(\\d{1,18})\\s*");

    /** @return the range, or {@code null} when the header is missing or malformed */
    static ContentRange parse(String header) {
        if (header == null) {
            return null;
        }
        Matcher satisfied = SATISFIED.matcher(header);
        if (satisfied.matches()) {
            long first = Long.parseLong(satisfied.group(1));
            long last = Long.parseLong(satisfied.group(2));
            long complete = satisfied.group(3).equals("*") ? -1 : Long.parseLong(satisfied.group(3));
            boolean consistent = first <= last && (complete < 0 || last < complete);
            return consistent ? new ContentRange(first, last, complete) : null;
        }
        Matcher unsatisfied = UNSATISFIED.matcher(header);
        return unsatisfied.matches() ? new ContentRange(-1, -1, Long.parseLong(unsatisfied.group(1))) : null;
    }

    long length() {
        return last - first + 1;
    }
}
