package dev.bgtransfer.core.internal;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Counts running transfers per host so that the per-host limit is never passed. Not thread-safe. */
final class HostSlots {
    private final Map<String, Integer> inUse = new HashMap<>();

    /** @return whether a slot for the URL's host was free and is now taken */
    boolean tryAcquire(URI url, int limit) {
        String key = keyOf(url);
        int used = inUse.getOrDefault(key, 0);
        if (used >= limit) {
            return false;
        }
        inUse.put(key, used + 1);
        return true;
    }

    void release(URI url) {
        inUse.computeIfPresent(keyOf(url), (key, used) -> used <= 1 ? null : used - 1);
    }

    private static String keyOf(URI url) {
        return HttpTransport.hostOf(url).toURI();
    }
}
