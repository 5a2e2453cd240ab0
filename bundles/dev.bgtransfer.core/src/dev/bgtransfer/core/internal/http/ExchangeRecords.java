package dev.bgtransfer.core.internal.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

import dev.bgtransfer.core.TimelineEntry.Kind;
import dev.bgtransfer.core.internal.timeline.Timeline;

/**
 * What the timeline keeps of a request and its answer: the headers that say which bytes of which
 * entity were asked for and answered, never a header that carries credentials or a session
 * ({@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie}): those
 * are named as sent at most, and URLs lose their user information.
 */
final class ExchangeRecords {

    private ExchangeRecords() {
    }

    static void request(Timeline timeline, String method, URI url, Map<String, String> headers,
            Optional<HttpProxy> proxy) {
        timeline.record(Kind.REQUEST, "method", method, "url", Timeline.url(url), "range", headers.get("Range"),
                "if-range", headers.get("If-Range"), "upload-offset", headers.get("Upload-Offset"),
                "authorization", headers.containsKey("Authorization") ? "sent" : null,
                "proxy", proxy.map(HttpProxy::address).orElse("direct"));
    }

    static void response(Timeline timeline, Exchange exchange) {
        timeline.record(Kind.RESPONSE, "status", exchange.statusText(), "etag", exchange.header("ETag"),
                "last-modified", exchange.header("Last-Modified"), "content-length",
                exchange.header("Content-Length"), "content-range", exchange.header("Content-Range"),
                "accept-ranges", exchange.header("Accept-Ranges"), "location", location(exchange.header("Location")),
                "retry-after", exchange.header("Retry-After"), "upload-offset", exchange.header("Upload-Offset"));
    }

    static void noResponse(Timeline timeline, URI url, Exception failure) {
        String message = failure.getMessage();
        timeline.record(Kind.NO_RESPONSE, "url", Timeline.url(url), "error",
                failure.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }

    /** @return a Location as the server sent it, without user information should it hold one */
    private static String location(String location) {
        if (location == null) {
            return null;
        }
        try {
            return Timeline.url(new URI(location.strip()));
        } catch (URISyntaxException unreadable) {
            return location.indexOf('@') >= 0 ? "(unreadable, not shown)" : location;
        }
    }
}
