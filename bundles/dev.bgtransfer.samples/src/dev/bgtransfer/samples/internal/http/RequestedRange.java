package dev.bgtransfer.samples.internal.http;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.HttpStatus;

/**
 * What a {@code GET} of an entity is answered with, after its {@code Range} and {@code If-Range}
 * headers: the whole entity (200), one range of it (206), or nothing because the range starts past
 * the end (416).
 *
 * @param status 200, 206 or 416
 * @param first  the first byte sent
 * @param last   the last byte sent, inclusive ({@code first - 1} when nothing is)
 * @param size   the entity's size
 */
public record RequestedRange(int status, long first, long last, long size) {

    /** @return the whole entity of {@code size} bytes, with status 200 */
    public static RequestedRange whole(long size) {
        return new RequestedRange(HttpStatus.SC_OK, 0, size - 1, size);
    }

    /**
     * @param etag         the entity's strong ETag, quotes included
     * @param lastModified the entity's {@code Last-Modified} value
     * @return the part of the entity that {@code request} asks for
     */
    public static RequestedRange of(HttpRequest request, String etag, String lastModified, long size) {
        return of(value(request.getFirstHeader(HttpHeaders.RANGE)), value(request.getFirstHeader(HttpHeaders.IF_RANGE)),
                etag, lastModified, size);
    }

    /**
     * @param range   the {@code Range} value, or {@code null}
     * @param ifRange the {@code If-Range} value, or {@code null}
     * @return the part of the entity these headers ask for
     */
    public static RequestedRange of(String range, String ifRange, String etag, String lastModified, long size) {
        RangeSpec spec = RangeSpec.parse(range);
        if (spec == null || !ifRangeHolds(ifRange, etag, lastModified)) {
            return whole(size);
        }
        if (!spec.satisfiable(size)) {
            return new RequestedRange(HttpStatus.SC_REQUESTED_RANGE_NOT_SATISFIABLE, 0, -1, size);
        }
        return new RequestedRange(HttpStatus.SC_PARTIAL_CONTENT, spec.start(size), spec.end(size), size);
    }

    /**
     * RFC 9110 13.1.5: a range applies only when {@code If-Range} is absent or names this entity
     * exactly: its strong ETag, or its {@code Last-Modified} date as sent. A weak tag never matches.
     */
    static boolean ifRangeHolds(String ifRange, String etag, String lastModified) {
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.strip();
        if (value.startsWith("W/")) {
            return false;
        }
        return value.startsWith("\"") ? value.equals(etag) : value.equals(lastModified);
    }

    /** @return the number of bytes sent */
    public long length() {
        return last - first + 1;
    }

    /** @return whether there are bytes to send: not a 416 */
    public boolean satisfiable() {
        return status != HttpStatus.SC_REQUESTED_RANGE_NOT_SATISFIABLE;
    }

    /** @return the {@code Content-Range} value of a 206 or a 416, {@code null} for a 200 */
    public String contentRange() {
        return switch (status) {
            case HttpStatus.SC_PARTIAL_CONTENT -> "bytes " + first + "-" + last + "/" + size;
            case HttpStatus.SC_REQUESTED_RANGE_NOT_SATISFIABLE -> "bytes */" + size;
            default -> null;
        };
    }

    /** Sets the response's status and, for a 206 or a 416, its {@code Content-Range}. */
    public void applyTo(HttpResponse response) {
        response.setCode(status);
        String contentRange = contentRange();
        if (contentRange != null) {
            response.setHeader(HttpHeaders.CONTENT_RANGE, contentRange);
        }
    }

    private static String value(Header header) {
        return header == null ? null : header.getValue();
    }
}
