package dev.bgtransfer.core.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Transfers queued for a connection slot, oldest first for each host, each session within its own
 * limit. Finding what can start costs per host and session, not per waiting transfer: with a
 * thousand queued on one host, each finished transfer does not walk all of them. Not thread-safe.
 */
final class WaitingTransfers {
    /** Per host, per session, the waiting transfers in the order they came. */
    private final Map<String, Map<String, LinkedHashSet<Long>>> byHost = new LinkedHashMap<>();
    private final Map<Long, Place> placeOf = new HashMap<>();
    /** Orders the transfers across sessions: a number per add, growing. */
    private long added;

    /** Queues {@code id} behind those already waiting for its URL's host; a second add changes nothing. */
    void add(long id, URI url, String session) {
        Place place = new Place(HostSlots.keyOf(url), session, added++);
        if (placeOf.putIfAbsent(id, place) == null) {
            byHost.computeIfAbsent(place.host(), key -> new LinkedHashMap<>())
                    .computeIfAbsent(session, key -> new LinkedHashSet<>()).add(id);
        }
    }

    void remove(long id) {
        Place place = placeOf.remove(id);
        if (place != null) {
            Map<String, LinkedHashSet<Long>> sessions = byHost.get(place.host());
            LinkedHashSet<Long> waiting = sessions.get(place.session());
            waiting.remove(id);
            if (waiting.isEmpty()) {
                sessions.remove(place.session());
                if (sessions.isEmpty()) {
                    byHost.remove(place.host());
                }
            }
        }
    }

    /** @return whether a transfer waits for a slot of {@code host} (see {@link HostSlots#keyOf(URI)}) */
    boolean isWaitingFor(String host) {
        return byHost.containsKey(host);
    }

    boolean isEmpty() {
        return placeOf.isEmpty();
    }

    /**
     * @param sessionLimit each session's own limit per host
     * @return the transfers taken off the queue because {@code slots} had room for them (each now
     *         holds its slot), oldest first per host among the sessions with room
     */
    List<Long> takeStartable(HostSlots slots, int hostLimit, ToIntFunction<String> sessionLimit) {
        List<Long> startable = new ArrayList<>();
        Iterator<Map.Entry<String, Map<String, LinkedHashSet<Long>>>> hosts = byHost.entrySet().iterator();
        while (hosts.hasNext()) {
            Map.Entry<String, Map<String, LinkedHashSet<Long>>> host = hosts.next();
            String key = host.getKey();
            Map<String, LinkedHashSet<Long>> sessions = host.getValue();
            while (slots.hasRoom(key, hostLimit)) {
                Map.Entry<String, LinkedHashSet<Long>> next = oldestWithRoom(sessions, key, slots, hostLimit,
                        sessionLimit);
                if (next == null) {
                    break;
                }
                Long id = next.getValue().removeFirst();
                slots.tryAcquire(id, key, next.getKey(), hostLimit, sessionLimit.applyAsInt(next.getKey()));
                placeOf.remove(id);
                startable.add(id);
                if (next.getValue().isEmpty()) {
                    sessions.remove(next.getKey());
                }
            }
            if (sessions.isEmpty()) {
                hosts.remove();
            }
        }
        return startable;
    }

    /** @return the session whose first waiting transfer came first among those with room, or {@code null} */
    private Map.Entry<String, LinkedHashSet<Long>> oldestWithRoom(Map<String, LinkedHashSet<Long>> sessions,
            String host, HostSlots slots, int hostLimit, ToIntFunction<String> sessionLimit) {
        Map.Entry<String, LinkedHashSet<Long>> oldest = null;
        for (Map.Entry<String, LinkedHashSet<Long>> session : sessions.entrySet()) {
            if ((oldest == null || orderOfFirst(session) < orderOfFirst(oldest))
                    && slots.hasRoom(host, session.getKey(), hostLimit, sessionLimit.applyAsInt(session.getKey()))) {
                oldest = session;
            }
        }
        return oldest;
    }

    private long orderOfFirst(Map.Entry<String, LinkedHashSet<Long>> session) {
        return placeOf.get(session.getValue().getFirst()).order();
    }

    private record Place(String host, String session, long order) {
    }
}
