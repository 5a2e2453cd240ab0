package dev.bgtransfer.junit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.bgtransfer.samples.internal.http.SeededContent;

/**
 * Immutable snapshot of a {@link TestFile}'s entity: seed, validators and (lazily) its digest. A
 * response captures one snapshot, so changing the file's content never mixes bytes of two
 * versions within one response.
 */
final class FileContent {

    private static final Instant BASE_LAST_MODIFIED = Instant.parse("2024-01-01T00:00:00Z");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final long seed;
    private final long size;
    private final int generation;
    private final String etag;
    private final String lastModified;
    private volatile String sha256;

    FileContent(long seed, long size, int generation) {
        this.seed = seed;
        this.size = size;
        this.generation = generation;
        this.etag = SeededContent.etag(seed, size);
        this.lastModified = HTTP_DATE.format(BASE_LAST_MODIFIED.plusSeconds(3600L * generation));
    }

    long seed() {
        return seed;
    }

    long size() {
        return size;
    }

    int generation() {
        return generation;
    }

    String etag() {
        return etag;
    }

    String lastModified() {
        return lastModified;
    }

    String sha256() {
        String result = sha256;
        if (result == null) {
            result = SeededContent.sha256(seed, size);
            sha256 = result;
        }
        return result;
    }
}
