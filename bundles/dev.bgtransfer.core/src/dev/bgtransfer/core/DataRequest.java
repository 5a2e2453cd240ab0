package dev.bgtransfer.core;

import java.net.PasswordAuthentication;
import java.net.URI;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.internal.RequestMessages;

/**
 * What a data task asks for: a request whose answer is read into memory (JSON, HTML, a small
 * document), as {@link TransferSession#fetch(DataRequest)} runs it. Never stored: not the request,
 * not its body, not its credentials.
 *
 * @param url              an absolute {@code http} or {@code https} URL without credentials
 * @param method           the request's method
 * @param body             what a {@code POST} or {@code PUT} sends, at most {@link #MAX_BODY_BYTES}
 * @param headers          extra request headers (not those the service writes itself: {@code Host},
 *                         {@code Content-Length}, {@code Content-Type}, {@code Transfer-Encoding},
 *                         {@code Connection}); {@code Authorization} and {@code Cookie} among them
 *                         are dropped when a redirect leads to another origin
 * @param maxResponseBytes the largest response body accepted; a larger one fails the task with
 *                         {@link TransferFailure.Kind#TOO_LARGE}
 * @param credentials      the user name and password for the URL's origin, sent only after its
 *                         server asks (HTTP Basic or Digest) and never to another origin
 */
public record DataRequest(URI url, Method method, Optional<Body> body, Map<String, String> headers,
        long maxResponseBytes, Optional<PasswordAuthentication> credentials) {

    /** The response size accepted unless {@link #withMaxResponseBytes(long)} says otherwise: 10 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 10L << 20;

    /** The largest request body a data task sends: 1 MiB. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private static final Set<String> SERVICE_HEADERS = Set.of("host", "content-length", "content-type",
            "transfer-encoding", "connection");

    /** The methods of a data task. */
    public enum Method {
        /** Reads; retried after a transient failure. */
        GET,
        /** Sends a body; never retried, as the server may have acted on it. */
        POST,
        /** Replaces with a body; idempotent, so retried after a transient failure. */
        PUT
    }

    /**
     * A request body.
     *
     * @param bytes       the bytes sent (the array is the caller's; do not change it while the task runs)
     * @param contentType its media type, for example {@code application/json; charset=UTF-8}
     */
    public record Body(byte[] bytes, String contentType) {
        public Body {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(contentType, "contentType");
            if (bytes.length > MAX_BODY_BYTES) {
                throw new IllegalArgumentException(NLS.bind(RequestMessages.bodyTooLarge, bytes.length,
                        MAX_BODY_BYTES));
            }
        }
    }

    public DataRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        body = Objects.requireNonNullElse(body, Optional.empty());
        credentials = Objects.requireNonNullElse(credentials, Optional.empty());
        TransferRequest.checkUrl(url);
        if (body.isPresent() && method == Method.GET) {
            throw new IllegalArgumentException(RequestMessages.bodyWithGet);
        }
        if (maxResponseBytes < 0) {
            throw new IllegalArgumentException("maxResponseBytes must not be negative: " + maxResponseBytes);
        }
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Objects.requireNonNullElse(headers, Map.<String, String>of()).forEach((name, value) -> {
            if (SERVICE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(NLS.bind(RequestMessages.headerReserved, name));
            }
            copy.put(name, Objects.requireNonNull(value, name));
        });
        headers = Collections.unmodifiableMap(copy);
    }

    /** @return a GET of {@code url}, under the default size cap */
    public static DataRequest get(URI url) {
        return new DataRequest(url, Method.GET, Optional.empty(), Map.of(), DEFAULT_MAX_RESPONSE_BYTES,
                Optional.empty());
    }

    /** @return a POST of {@code bytes} of type {@code contentType} to {@code url}, under the default size cap */
    public static DataRequest post(URI url, byte[] bytes, String contentType) {
        return new DataRequest(url, Method.POST, Optional.of(new Body(bytes, contentType)), Map.of(),
                DEFAULT_MAX_RESPONSE_BYTES, Optional.empty());
    }

    /** @return a PUT of {@code bytes} of type {@code contentType} to {@code url}, under the default size cap */
    public static DataRequest put(URI url, byte[] bytes, String contentType) {
        return new DataRequest(url, Method.PUT, Optional.of(new Body(bytes, contentType)), Map.of(),
                DEFAULT_MAX_RESPONSE_BYTES, Optional.empty());
    }

    /** @return a copy that sends the header {@code name} with {@code value} too */
    public DataRequest withHeader(String name, String value) {
        Map<String, String> more = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        more.putAll(headers);
        more.put(name, value);
        return new DataRequest(url, method, body, more, maxResponseBytes, credentials);
    }

    /** @return a copy that accepts a response body of at most {@code max} bytes */
    public DataRequest withMaxResponseBytes(long max) {
        return new DataRequest(url, method, body, headers, max, credentials);
    }

    /** @return a copy that signs in at the URL's origin with {@code given}, when its server asks (memory only) */
    public DataRequest withCredentials(PasswordAuthentication given) {
        return new DataRequest(url, method, body, headers, maxResponseBytes, Optional.of(given));
    }
}
