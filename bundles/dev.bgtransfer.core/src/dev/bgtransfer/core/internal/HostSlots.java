package dev.bgtransfer.core.internal;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Counts running transfers per host so that the per-host limit is never passed. Not thread-safe. */
final class HostSlots {
    private final Map<String, Integer> inUse = new HashMap<>();

    /** @return whether a slot for {@code host} (see {@link #keyOf(URI)}) was free and is now taken */
    boolean tryAcquire(String host, int limit) {
        int used = inUse.getOrDefault(host, 0);
        if (used >= limit) {
            return false;
        }
        inUse.put(host, used + 1);
        return true;
    }

    void release(URI url) {
        inUse.computeIfPresent(keyOf(url), (key, used) -> used <= 1 ? null : used - 1);
    }

    /** @return the scheme, host and port that the URL's connections go to, as one key */
    static String keyOf(URI url) {
        return HttpTransport.hostOf(url).toURI();
    }
}
