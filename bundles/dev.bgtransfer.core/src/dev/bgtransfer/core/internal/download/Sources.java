package dev.bgtransfer.core.internal.download;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.ByteCounts;
import dev.bgtransfer.core.internal.timeline.Timeline;

/**
 * The URLs a download in slices fetches from: the transfer's own first, then its mirrors. Each
 * connection takes the URL in use with the fewest connections (the earlier one on a tie), so that
 * further connections spread over the mirrors. A mirror that refuses or serves another entity is
 * left for the rest of the run; so is any URL whose connections bring well under the speed of
 * another's ({@link #judge}). With a single URL every connection takes it and nothing is judged.
 */
final class Sources {
    /** A URL is slow when its connections bring less than this fraction of another's, each. */
    static final double SLOW_FRACTION = 0.25;
    /** How long the URLs compared must have had connections, and how often they are compared. */
    static final long WINDOW_NANOS = 2_000_000_000L;

    /** What {@link #judge} found: {@code slow} left, at {@code speed} a connection against {@code faster}'s. */
    record Slow(URI slow, double speed, URI faster, double fasterSpeed) {

        /** @return the reason a person reads in the timeline */
        String reason() {
            return NLS.bind(Messages.mirrorSlow, new Object[] { ByteCounts.format((long) speed),
                    ByteCounts.format((long) fasterSpeed), Timeline.url(faster) });
        }
    }

    private static final class Source {
        final URI url;
        final int rank;
        int connections;
        /** Bytes brought since the window began; the window begins when the first connection opens. */
        long windowBytes;
        long windowStart;
        /** The fewest and the most connections it had during the window. */
        int windowFewest;
        int windowMost;
        boolean left;

        Source(URI url, int rank) {
            this.url = url;
            this.rank = rank;
        }
    }

    private final List<Source> sources = new ArrayList<>();

    /** @param urls the transfer's own URL first, then its mirrors */
    Sources(List<URI> urls) {
        for (URI url : urls) {
            sources.add(new Source(url, sources.size()));
        }
    }

    /** @return the URL a new connection takes, counted as one of its connections until {@link #close} */
    synchronized URI open() {
        Source chosen = sources.stream().filter(source -> !source.left)
                .min(Comparator.<Source>comparingInt(source -> source.connections).thenComparingInt(s -> s.rank))
                .orElse(sources.getFirst());
        opened(chosen);
        return chosen.url;
    }

    /** Counts a connection opened to {@code url} without a choice (the answer a download in slices began with). */
    synchronized void openAt(URI url) {
        opened(find(url));
    }

    private void opened(Source source) {
        if (source.connections++ == 0) {
            startWindow(source, System.nanoTime());
        } else {
            source.windowMost = Math.max(source.windowMost, source.connections);
        }
    }

    synchronized void close(URI url) {
        Source source = find(url);
        source.connections--;
        source.windowFewest = Math.min(source.windowFewest, source.connections);
    }

    /** Counts {@code bytes} brought from {@code url}. */
    synchronized void brought(URI url, long bytes) {
        find(url).windowBytes += bytes;
    }

    /** @return whether connections to {@code url} are to end (it was left) */
    synchronized boolean isLeft(URI url) {
        return find(url).left;
    }

    /** What became of a URL that was to be left. */
    enum Leaving {
        /** Left now. */
        LEFT,
        /** Left before, by another of its connections. */
        LEFT_BEFORE,
        /** Kept: it is the last URL not left. */
        LAST
    }

    /** Leaves {@code url} for the rest of the run, unless it is the last URL not left. */
    synchronized Leaving leave(URI url) {
        Source source = find(url);
        if (source.left) {
            return Leaving.LEFT_BEFORE;
        }
        if (sources.stream().noneMatch(other -> other != source && !other.left)) {
            return Leaving.LAST;
        }
        source.left = true;
        return Leaving.LEFT;
    }

    /**
     * Compares the speed a connection of each URL in use brought over a whole window, where each had
     * connections all through it; leaves the slowest when it is under {@link #SLOW_FRACTION} of the
     * fastest's, and begins a new window for all. Each is judged in its favour: the slowest's bytes as
     * if brought by its fewest connections, the fastest's by its most. Not judged while a bandwidth
     * limit held the transfer back: then the limit sets the speeds.
     *
     * @param heldBack whether a bandwidth limit held the connections back in the window
     * @return the URL left as slow, if one was
     */
    synchronized Optional<Slow> judge(boolean heldBack) {
        long now = System.nanoTime();
        List<Source> compared = sources.stream().filter(source -> !source.left && source.windowFewest > 0
                && now - source.windowStart >= WINDOW_NANOS).toList();
        if (compared.size() < 2) {
            return Optional.empty();
        }
        Source fastest = compared.stream().max(Comparator.comparingDouble(source -> speed(source, now, true)))
                .orElseThrow();
        Source slowest = compared.stream().min(Comparator.comparingDouble(source -> speed(source, now, false)))
                .orElseThrow();
        double fast = speed(fastest, now, true);
        double slow = speed(slowest, now, false);
        compared.forEach(source -> startWindow(source, now));
        if (heldBack || slow >= fast * SLOW_FRACTION) {
            return Optional.empty();
        }
        slowest.left = true;
        return Optional.of(new Slow(slowest.url, slow, fastest.url, fast));
    }

    /**
     * @param least whether to take the speed a connection had at least (the bytes shared by its most
     *              connections), else at most (by its fewest)
     * @return bytes a second of one connection of {@code source} in its window
     */
    private static double speed(Source source, long now, boolean least) {
        return source.windowBytes * 1e9 / (now - source.windowStart) / (least ? source.windowMost : source.windowFewest);
    }

    private static void startWindow(Source source, long now) {
        source.windowStart = now;
        source.windowBytes = 0;
        source.windowFewest = source.connections;
        source.windowMost = source.connections;
    }

    private Source find(URI url) {
        for (Source source : sources) {
            if (source.url.equals(url)) {
                return source;
            }
        }
        throw new IllegalArgumentException("Not a source of this download: " + url);
    }
}
