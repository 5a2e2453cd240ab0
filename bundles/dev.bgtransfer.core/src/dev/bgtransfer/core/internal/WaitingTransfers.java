package dev.bgtransfer.core.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Transfers queued for a connection slot, oldest first for each host. Finding what can start
 * costs per host, not per waiting transfer: with a thousand queued on one host, each finished
 * transfer does not walk all of them. Not thread-safe.
 */
final class WaitingTransfers {
    private final Map<String, LinkedHashSet<Long>> byHost = new LinkedHashMap<>();
    private final Map<Long, String> hostOf = new HashMap<>();

    /** Queues {@code id} behind those already waiting for its URL's host; a second add changes nothing. */
    void add(long id, URI url) {
        String host = HostSlots.keyOf(url);
        if (hostOf.putIfAbsent(id, host) == null) {
            byHost.computeIfAbsent(host, key -> new LinkedHashSet<>()).add(id);
        }
    }

    void remove(long id) {
        String host = hostOf.remove(id);
        if (host != null) {
            LinkedHashSet<Long> waiting = byHost.get(host);
            waiting.remove(id);
            if (waiting.isEmpty()) {
                byHost.remove(host);
            }
        }
    }

    boolean isEmpty() {
        return hostOf.isEmpty();
    }

    /** @return the transfers taken off the queue because {@code slots} had room for them, oldest first per host */
    List<Long> takeStartable(HostSlots slots, int limitPerHost) {
        List<Long> startable = new ArrayList<>();
        Iterator<Map.Entry<String, LinkedHashSet<Long>>> hosts = byHost.entrySet().iterator();
        while (hosts.hasNext()) {
            Map.Entry<String, LinkedHashSet<Long>> host = hosts.next();
            Iterator<Long> waiting = host.getValue().iterator();
            while (waiting.hasNext() && slots.tryAcquire(host.getKey(), limitPerHost)) {
                Long id = waiting.next();
                waiting.remove();
                hostOf.remove(id);
                startable.add(id);
            }
            if (host.getValue().isEmpty()) {
                hosts.remove();
            }
        }
        return startable;
    }
}
