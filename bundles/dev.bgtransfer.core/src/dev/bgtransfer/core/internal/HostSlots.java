package dev.bgtransfer.core.internal;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.bgtransfer.core.internal.http.HttpTransport;

/**
 * Counts running transfers per host so that the per-host limit is never passed. A Job that waits
 * for its disk, not its host, lends its slot to others meanwhile. Not thread-safe.
 */
final class HostSlots {
    private final Map<String, Integer> inUse = new HashMap<>();
    /** Running transfers whose Job gave its slot to others. */
    private final Set<Long> lent = new HashSet<>();

    /** @return whether a slot for {@code host} (see {@link #keyOf(URI)}) was free and is now taken */
    boolean tryAcquire(String host, int limit) {
        int used = inUse.getOrDefault(host, 0);
        if (used >= limit) {
            return false;
        }
        inUse.put(host, used + 1);
        return true;
    }

    private void release(URI url) {
        inUse.computeIfPresent(keyOf(url), (key, used) -> used <= 1 ? null : used - 1);
    }

    /** @return whether transfer {@code id}'s Job held its slot for {@code url}'s host, and now lent it */
    boolean lend(long id, URI url) {
        if (!lent.add(id)) {
            return false;
        }
        release(url);
        return true;
    }

    /** @return whether transfer {@code id}'s Job holds its slot: it never lent it, or it took one again */
    boolean reclaim(long id, URI url, int limit) {
        if (!lent.contains(id)) {
            return true;
        }
        if (tryAcquire(keyOf(url), limit)) {
            lent.remove(id);
            return true;
        }
        return false;
    }

    /** Transfer {@code id}'s Job ended: its slot is free, unless it was lent already. */
    void jobEnded(long id, URI url) {
        if (!lent.remove(id)) {
            release(url);
        }
    }

    /** @return the scheme, host and port that the URL's connections go to, as one key */
    static String keyOf(URI url) {
        return HttpTransport.hostOf(url).toURI();
    }
}
