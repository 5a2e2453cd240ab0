package dev.bgtransfer.core.internal.timeline;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.TimelineEntry.Kind;

/**
 * Records the diagnostic timeline of one transfer: each entry numbered, timed and handed to a
 * {@link Sink} (the store's next group commit), from any thread of the transfer (its Job, its further
 * connections, the engine). Checkpoints are coalesced: they come every 2 s or 8 MiB, thousands in a
 * long download, so a run of them is held back as one entry, handed over before the next entry of
 * another kind or once {@link #CHECKPOINT_EVERY} passed since the last one went out. A timeline holds
 * no secret: callers hand over facts, never credentials or header values that carry them, and URLs
 * go through {@link #url(URI)}.
 */
public final class Timeline {
    /**
     * Query parameters whose values sign or authorize a link: S3's and Google Cloud Storage's
     * signatures, credentials and session tokens, CloudFront's signature and policy, Azure's SAS
     * signature, and the common token parameters.
     */
    private static final Set<String> SECRET_PARAMETERS = Set.of("x-amz-signature", "x-amz-credential",
            "x-amz-security-token", "x-goog-signature", "x-goog-credential", "signature", "policy", "sig", "token",
            "access_token", "password");
    private static final String HIDDEN = "hidden";

    /** Records nothing: for requests that belong to no transfer (data tasks, an upload's deletion). */
    public static final Timeline NONE = new Timeline(0, 0, entry -> {
        // kept nowhere
    });

    /** The longest a coalesced checkpoint is held back while checkpoints go on. */
    static final Duration CHECKPOINT_EVERY = Duration.ofMinutes(1);

    /** Where entries go, in the order of their sequence. */
    public interface Sink {
        void append(TimelineEntry entry);
    }

    private final long transferId;
    private final Sink sink;
    private long sequence;
    /** The checkpoints since the last entry of that kind went out, or null. */
    private Checkpoints held;
    private Instant lastCheckpointOut = Instant.MIN;
    /** Whether its transfer is gone: what a Job still records is dropped, never written for a removed transfer. */
    private boolean closed;

    /** @param lastSequence the highest sequence the transfer's timeline has so far */
    public Timeline(long transferId, long lastSequence, Sink sink) {
        this.transferId = transferId;
        this.sequence = lastSequence;
        this.sink = sink;
    }

    /**
     * Records an entry of {@code kind} with facts given as names and values, in turn; a fact whose
     * value is {@code null} is left out.
     */
    public void record(Kind kind, String... namesAndValues) {
        if (this == NONE) {
            return;
        }
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                facts.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        synchronized (this) {
            if (!closed) {
                releaseCheckpoints();
                append(kind, facts, Instant.now());
            }
        }
    }

    /** Records that {@code bytes} of {@code total} (-1: unknown) are durable, in {@code slices} slices (0: none). */
    public void checkpoint(long bytes, long total, int slices) {
        if (this == NONE) {
            return;
        }
        Instant now = Instant.now();
        synchronized (this) {
            if (closed) {
                return;
            }
            int count = held == null ? 1 : held.count() + 1;
            held = new Checkpoints(bytes, total, slices, count, now);
            if (!now.isBefore(lastCheckpointOut.plus(CHECKPOINT_EVERY))) {
                releaseCheckpoints();
            }
        }
    }

    /**
     * @return the checkpoints held back, as the entry they will become when nothing else comes
     *         first, so that a reader sees the latest durable bytes of a transfer under way
     */
    public synchronized Optional<TimelineEntry> heldBack() {
        return held == null ? Optional.empty()
                : Optional.of(new TimelineEntry(transferId, sequence + 1, held.time(), Kind.CHECKPOINT, held.facts()));
    }

    /** Records nothing more: its transfer is gone. */
    synchronized void close() {
        closed = true;
        held = null;
    }

    private void releaseCheckpoints() {
        if (held != null) {
            Checkpoints out = held;
            held = null;
            lastCheckpointOut = out.time();
            append(Kind.CHECKPOINT, out.facts(), out.time());
        }
    }

    private void append(Kind kind, Map<String, String> facts, Instant time) {
        sink.append(new TimelineEntry(transferId, ++sequence, time, kind, facts));
    }

    /**
     * @return {@code url} as a timeline shows it: without its user information (a name, maybe a
     *         password), and with the values of the query parameters that sign or authorize a link
     *         hidden (a signed link's signature or token lets anyone fetch it until it expires, and a
     *         timeline is attached to bug reports); their names stay, and so do the dates that say
     *         when such a link expires
     */
    public static String url(URI url) {
        if (url == null) {
            return null;
        }
        String query = url.getRawQuery() == null ? null : withoutSecrets(url.getRawQuery());
        if (url.getRawUserInfo() == null && Objects.equals(query, url.getRawQuery())) {
            return url.toString();
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath()) + (query == null ? "" : "?" + query)
                + (url.getRawFragment() == null ? "" : "#" + url.getRawFragment());
    }

    private static String withoutSecrets(String rawQuery) {
        StringBuilder shown = new StringBuilder();
        for (String pair : rawQuery.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            boolean secret = equals >= 0 && SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT));
            shown.append(shown.isEmpty() ? "" : "&").append(secret ? name + "=" + HIDDEN : pair);
        }
        return shown.toString();
    }

    /** @return a duration as ISO-8601 with milliseconds at most, for example {@code PT1.5S} */
    public static String duration(Duration duration) {
        return Duration.ofMillis(duration.toMillis()).toString();
    }

    private record Checkpoints(long bytes, long total, int slices, int count, Instant time) {
        Map<String, String> facts() {
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("bytes", Long.toString(bytes));
            facts.put("total", total < 0 ? "unknown" : Long.toString(total));
            if (slices > 0) {
                facts.put("slices", Integer.toString(slices));
            }
            facts.put("checkpoints", Integer.toString(count));
            return facts;
        }
    }
}
