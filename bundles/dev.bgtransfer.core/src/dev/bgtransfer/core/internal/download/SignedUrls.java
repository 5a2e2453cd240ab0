package dev.bgtransfer.core.internal.download;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When a signed link stops working, read from its query: Amazon S3's and Google Cloud Storage's
 * signatures give the time signed and the seconds it is valid ({@code X-Amz-Date} with
 * {@code X-Amz-Expires}, {@code X-Goog-Date} with {@code X-Goog-Expires}); CloudFront, Azure-less
 * CDNs and many others sign an {@code Expires} of seconds since 1970. A link that says nothing of
 * the kind has no known expiry.
 */
final class SignedUrls {
    private static final DateTimeFormatter SIGNED_AT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

    private SignedUrls() {
    }

    /** @return when {@code url} expires, if it says */
    static Optional<Instant> expiry(URI url) {
        Map<String, String> query = query(url.getRawQuery());
        for (String vendor : new String[] { "x-amz-", "x-goog-" }) {
            String date = query.get(vendor + "date");
            String seconds = query.get(vendor + "expires");
            if (date != null && seconds != null) {
                try {
                    return Optional.of(LocalDateTime.parse(date, SIGNED_AT).toInstant(ZoneOffset.UTC)
                            .plusSeconds(Long.parseLong(seconds)));
                } catch (DateTimeParseException | NumberFormatException unreadable) {
                    return Optional.empty();
                }
            }
        }
        String epochSeconds = query.get("expires");
        if (epochSeconds != null && epochSeconds.matches("\\d{9,11}")) { //$NON-NLS-1$
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(epochSeconds)));
        }
        return Optional.empty();
    }

    /** @return whether {@code url} is a signed link whose expiry is not after {@code now} */
    static boolean expired(URI url, Instant now) {
        return expiry(url).map(expiry -> !expiry.isAfter(now)).orElse(false);
    }

    /** The query's parameters by lower-case name (the first of each; values as sent, still encoded). */
    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) { //$NON-NLS-1$
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.putIfAbsent(pair.substring(0, equals).toLowerCase(Locale.ROOT), pair.substring(equals + 1));
            }
        }
        return parameters;
    }
}
