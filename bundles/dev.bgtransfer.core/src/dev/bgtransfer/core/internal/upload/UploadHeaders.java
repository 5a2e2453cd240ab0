package dev.bgtransfer.core.internal.upload;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of <i>Resumable Uploads for HTTP</i> (draft-ietf-httpbis-resumable-upload; see
 * {@link ResumableUpload} for the version) and how their Structured Field values read: Integers
 * of at most 15 digits, Booleans {@code ?1} and {@code ?0}, and the {@code max-size} member of the
 * {@code Upload-Limit} Dictionary. A value that is not what the draft says is ignored, as the draft
 * asks.
 */
final class UploadHeaders {
    static final String COMPLETE = "Upload-Complete";
    static final String OFFSET = "Upload-Offset";
    static final String LENGTH = "Upload-Length";
    static final String LIMIT = "Upload-Limit";
    /** The media type of a PATCH that appends to an upload resource. */
    static final String PARTIAL_UPLOAD = "application/partial-upload";
    /** The interim status that names the upload resource in its {@code Location}. */
    static final int RESUMPTION_SUPPORTED = 104;
    static final String TRUE = "?1";

    private static final Pattern INTEGER = Pattern.compile("\\d{1,15}");
    private static final Pattern MAX_SIZE = Pattern.compile("(?:^|,)\\s*max-size=(\\d{1,15})\\s*(?:;[^,]*)?(?:,|$)");

    private UploadHeaders() {
    }

    /** @return the non-negative Integer of {@code value}, or -1 when it is absent or not one */
    static long integer(String value) {
        return value != null && INTEGER.matcher(value.strip()).matches() ? Long.parseLong(value.strip()) : -1;
    }

    /** @return whether {@code value} is the Boolean true */
    static boolean isTrue(String value) {
        return value != null && value.strip().equals(TRUE);
    }

    /** @return the {@code max-size} of an {@code Upload-Limit} value, or -1 when it names none */
    static long maxSize(String limit) {
        if (limit == null) {
            return -1;
        }
        Matcher matcher = MAX_SIZE.matcher(limit);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }
}
