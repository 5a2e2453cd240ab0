package dev.bgtransfer.junit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import dev.bgtransfer.samples.internal.http.RangeSpec;

/**
 * A request as received by {@link TestHttpServer}.
 *
 * @param method     the request method, e.g. {@code GET}
 * @param path       the request target as sent (path plus query string, if any)
 * @param headers    the request headers with lower-case names; repeated headers are joined with
 *                   {@code ", "}; unmodifiable
 * @param startNanos {@link System#nanoTime()} when the server started handling the request
 */
public record RecordedRequest(String method, String path, Map<String, String> headers, long startNanos) {

    /**
     * Creates a record, copying the headers and lower-casing their names.
     */
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        final Map<String, String> copy = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> copy.merge(name.toLowerCase(Locale.ROOT), value,
                    (a, b) -> a + ", " + b));
        }
        headers = Collections.unmodifiableMap(copy);
    }

    /**
     * @param name the header name, in any case
     * @return the header's value, if the request had it
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * @return the first byte position of a {@code Range: bytes=N-} or {@code bytes=N-M} header;
     *         empty if there is no such header (or it is a suffix, multi-range or malformed)
     */
    public OptionalLong rangeStart() {
        final RangeSpec range = RangeSpec.parse(headers.get("range"));
        return range == null || range.first() < 0 ? OptionalLong.empty() : OptionalLong.of(range.first());
    }
}
