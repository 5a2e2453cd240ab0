package dev.bgtransfer.core.internal.http;

import java.util.Locale;

import dev.bgtransfer.core.Resumability;

/**
 * What one answer to a {@code GET} shows of whether its entity can be resumed: byte ranges (a
 * {@code 206}, or {@code Accept-Ranges}) and a validator for {@code If-Range} (a strong ETag, else
 * {@code Last-Modified}; RFC 9110 13.1.5 forbids a weak ETag there). Only the headers of an answer
 * the transfer reads anyway are looked at: no request is made for it.
 */
public final class RangeSupport {
    private RangeSupport() {
    }

    /**
     * @param rangeIgnored whether the answer is a {@code 200} of the same entity to a request for a byte
     *                     range of it (a resume whose validator still matches, or the {@code bytes=0-} of a
     *                     session that takes only resumable transfers): whatever {@code Accept-Ranges} says
     * @return what the answer (a 200 or a 206) shows
     */
    public static Resumability of(Exchange answer, boolean rangeIgnored) {
        return of(answer.status(), answer.header("Accept-Ranges"), answer.header("ETag"),
                answer.header("Last-Modified"), rangeIgnored);
    }

    /**
     * Ranges refused or ignored are said first, as they are what a person can least do something
     * about; then a missing validator; then ranges the server did not mention, which only a ranged
     * request can tell.
     */
    static Resumability of(int status, String acceptRanges, String etag, String lastModified, boolean rangeIgnored) {
        String units = acceptRanges == null ? "" : acceptRanges.toLowerCase(Locale.ROOT);
        if (status != 206 && rangeIgnored) {
            return Resumability.NO_RANGES;
        }
        boolean ranges = status == 206 || hasToken(units, "bytes");
        if (!ranges && hasToken(units, "none")) {
            return Resumability.RANGES_REFUSED;
        }
        Resumability validated = strongEtag(etag) != null ? Resumability.RANGES_AND_STRONG_ETAG
                : lastModified != null ? Resumability.RANGES_AND_LAST_MODIFIED
                : etag != null ? Resumability.WEAK_ETAG_ONLY : Resumability.NO_VALIDATOR;
        if (validated.isNot() || ranges) {
            return validated;
        }
        return Resumability.RANGES_NOT_ANNOUNCED;
    }

    /** @return {@code etag} when it is a strong entity tag (quoted, no {@code W/}), else {@code null} */
    public static String strongEtag(String etag) {
        return etag != null && etag.startsWith("\"") ? etag : null;
    }

    private static boolean hasToken(String list, String token) {
        for (String part : list.split(",")) {
            if (part.strip().equals(token)) {
                return true;
            }
        }
        return false;
    }
}
