package dev.bgtransfer.core;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The answer to a data task: the final status, headers and body in memory. A data task completes
 * with the server's answer whatever its status (a {@code 404} is an answer, not a failure), after the
 * redirects, the sign-in and the retries of transient statuses the service does by itself.
 *
 * @param url     where the answer came from, after redirects
 * @param status  the HTTP status, for example 200
 * @param headers the response headers, names in any case (the map ignores case), values in order
 * @param body    the body's bytes (the array is the response's; do not change it)
 */
public record DataResponse(URI url, int status, Map<String, List<String>> headers, byte[] body) {

    public DataResponse {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(body, "body");
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Objects.requireNonNull(headers, "headers").forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** @return the first value of the header {@code name}, in any case */
    public Optional<String> header(String name) {
        return headers.getOrDefault(name, List.of()).stream().findFirst();
    }

    /**
     * @return the charset of the body: the {@code charset} parameter of {@code Content-Type} when this
     *         JVM knows it; otherwise ISO-8859-1 for {@code text/*} (HTTP/1.1's default, which reads
     *         every byte as a character) and UTF-8 for everything else (JSON, RFC 8259; XML without a
     *         declaration; no type at all)
     */
    public Charset charset() {
        String contentType = header("Content-Type").orElse("");
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = parameter.substring(8).strip().replace("\"", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                    break;
                }
            }
        }
        return parts[0].strip().toLowerCase(Locale.ROOT).startsWith("text/") ? StandardCharsets.ISO_8859_1
                : StandardCharsets.UTF_8;
    }

    /** @return the body decoded with {@link #charset()} (malformed bytes become U+FFFD) */
    public String text() {
        return new String(body, charset());
    }
}
