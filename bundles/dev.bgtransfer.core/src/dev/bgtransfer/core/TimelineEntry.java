package dev.bgtransfer.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a transfer's diagnostic timeline ({@link TransferService#timeline(long)}): what the
 * service asked, what it was answered and what it decided, for a person who files a bug to attach.
 * The timeline never holds a password, a user name, the value of an {@code Authorization},
 * {@code Proxy-Authorization} or {@code Cookie} header, nor a URL's user information.
 * <p>
 * A transfer keeps at most {@value #MAX_KEPT} entries: its first {@value #FIRST_KEPT} (how it began:
 * its first request, the answer, the redirects to where the bytes are) and the latest after them.
 * Entries are numbered from 1 per transfer, so a gap in {@link #sequence()} says how many were
 * left out between.
 *
 * @param transferId the {@link Transfer#id()} it belongs to
 * @param sequence   its number in the transfer's timeline, from 1, never reused
 * @param time       when it happened
 * @param kind       what happened
 * @param facts      what is known of it, in a fixed order, names in lower case; see {@link Kind}
 *                   for the names each kind uses (a fact that was not known is left out)
 */
public record TimelineEntry(long transferId, long sequence, Instant time, Kind kind, Map<String, String> facts) {

    /** The most entries a transfer keeps. */
    public static final int MAX_KEPT = 200;

    /** The first entries of a transfer, kept whatever follows: the request that began it and its answers. */
    public static final int FIRST_KEPT = 10;

    /** What happened; in JSON, its name in lower case. */
    public enum Kind {
        /** The transfer changed state: {@code from}, {@code to}, {@code reason} (a failure's sentence). */
        STATE,
        /**
         * A request went out: {@code method}, {@code url}, {@code range}, {@code if-range},
         * {@code upload-offset}, {@code authorization} ({@code sent} when it carried one, never its
         * value), {@code proxy} ({@code host:port}, or {@code direct}).
         */
        REQUEST,
        /**
         * Its answer's head arrived: {@code status}, {@code etag}, {@code last-modified},
         * {@code content-length}, {@code content-range}, {@code accept-ranges}, {@code location},
         * {@code retry-after}, {@code upload-offset}.
         */
        RESPONSE,
        /** A request got no answer: {@code url}, {@code error} (what the network or the protocol said). */
        NO_RESPONSE,
        /** A redirect was followed: {@code status}, {@code from}, {@code to}. */
        REDIRECT,
        /**
         * An attempt failed and the next waits: {@code retry} ({@code N of M}), {@code delay} (ISO-8601),
         * {@code basis} (the server's Retry-After, or exponential backoff), {@code reason}.
         */
        RETRY,
        /**
         * Bytes were forced to disk and recorded: {@code bytes}, {@code total}, {@code slices}, and
         * {@code checkpoints}, how many since the previous entry of this kind: checkpoints come every
         * 2 s or 8 MiB, so a run of them becomes one entry, written when something else happens or a
         * minute after the last one.
         */
        CHECKPOINT,
        /** The disk lacked room: {@code reason} while waiting, {@code waited} once there was room again. */
        SPACE_WAIT,
        /**
         * The server asked for credentials: {@code url}, {@code challenge} (the schemes and realm it
         * named), {@code answer} (whether credentials given for the origin were sent, or why not).
         */
        CREDENTIALS,
        /** The bytes so far were given up and the transfer starts from zero: {@code reason}. */
        RESTART,
        /**
         * The connections of a download fetched in slices changed: {@code event} ({@code sliced},
         * {@code added}, {@code refused}), {@code connections}, {@code speed} (bytes per second),
         * {@code reason}.
         */
        CONNECTIONS,
        /**
         * The download's URL changed, its bytes kept for the entity check of the next request:
         * {@code from}, {@code to}, {@code reason} ({@code changed} by {@code changeUrl}, or why a
         * {@code UrlRefresher} was asked: {@code unauthorized}, {@code forbidden}, {@code gone},
         * {@code expired}).
         */
        URL;

        /** @return its name in JSON and text: {@code space_wait} for {@link #SPACE_WAIT} */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public TimelineEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /**
     * @return one line for people: the time (UTC, ISO-8601), the sequence number, the kind, then each
     *         fact as {@code name=value}, two spaces apart; line breaks in a value are shown as spaces
     */
    public String text() {
        StringBuilder line = new StringBuilder().append(time).append("  #").append(sequence).append("  ")
                .append(kind.label());
        facts.forEach((name, value) -> line.append("  ").append(name).append('=').append(oneLine(value)));
        return line.toString();
    }

    /**
     * @return the entry as one JSON object on one line, the form {@code ./bgtransfer log --json} prints
     *         and the view exports: {@code {"id":7,"sequence":3,"time":"2026-12-05T09:00:00.123Z",
     *         "kind":"request","facts":{"method":"GET","url":"https://…"}}}; later versions may add
     *         kinds, facts and keys, never change these
     */
    public String toJson() {
        StringBuilder json = new StringBuilder().append("{\"id\":").append(transferId).append(",\"sequence\":")
                .append(sequence).append(",\"time\":");
        quote(time.toString(), json).append(",\"kind\":");
        quote(kind.label(), json).append(",\"facts\":{");
        boolean first = true;
        for (Map.Entry<String, String> fact : facts.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            quote(fact.getKey(), json).append(':');
            quote(fact.getValue(), json);
        }
        return json.append("}}").toString();
    }

    private static String oneLine(String value) {
        return value.replace('\r', ' ').replace('\n', ' ');
    }

    private static StringBuilder quote(String text, StringBuilder json) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
