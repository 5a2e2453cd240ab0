package dev.bgtransfer.core.internal.upload;

import java.net.URI;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/**
 * What the {@code 104 Upload Resumption Supported} of one request offers: the upload resource
 * named in its {@code Location} (taken only from a creation request), and the server's
 * {@code Upload-Limit}, which stops an upload larger than its {@code max-size} before the body.
 */
final class ResumptionOffer {
    private final boolean creating;
    private final URI target;
    private final URI requested;
    private final long size;
    private final Consumer<URI> named;

    /**
     * @param creating  whether the request creates the upload (and so may be given its resource)
     * @param target    where the request went, which a relative {@code Location} is against
     * @param requested the upload's URL: an https upload is never moved to plain http
     * @param size      the file's size
     * @param named     hears the upload resource, or {@code null} for a {@code Location} that is none
     */
    ResumptionOffer(boolean creating, URI target, URI requested, long size, Consumer<URI> named) {
        this.creating = creating;
        this.target = target;
        this.requested = requested;
        this.size = size;
        this.named = named;
    }

    /** Hears an interim response; throws {@link LimitException} out of the exchange at a limit below the file. */
    void heard(HttpResponse response) {
        if (response.getCode() != UploadHeaders.RESUMPTION_SUPPORTED) {
            return;
        }
        Header location = response.getFirstHeader("Location");
        if (creating && location != null) {
            named.accept(resolve(location.getValue()));
        }
        Header limit = response.getFirstHeader(UploadHeaders.LIMIT);
        if (limit != null && UploadHeaders.maxSize(limit.getValue()) >= 0
                && UploadHeaders.maxSize(limit.getValue()) < size) {
            throw new LimitException(limit.getValue());
        }
    }

    /**
     * @return {@code location} against the request's URL; {@code null} when it is no http(s) URL or
     *         would take an https upload to plain http
     */
    private URI resolve(String location) {
        try {
            URI resolved = target.resolve(location.strip());
            String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
            boolean downgrade = requested.getScheme().equalsIgnoreCase("https") && !scheme.equals("https");
            return scheme.matches("https?") && resolved.getHost() != null && !downgrade ? resolved : null;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** A 104 announced a maximum size below the file's: thrown out of the exchange to stop the body. */
    static final class LimitException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String limit;

        LimitException(String limit) {
            super(limit, null, false, false);
            this.limit = limit;
        }

        /** @return the {@code Upload-Limit} field as the server sent it */
        String limit() {
            return limit;
        }
    }
}
