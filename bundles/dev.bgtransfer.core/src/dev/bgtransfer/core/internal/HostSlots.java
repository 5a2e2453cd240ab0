package dev.bgtransfer.core.internal;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

import dev.bgtransfer.core.internal.http.HttpTransport;

/**
 * Counts the connections of running transfers per host, over all sessions and per session, so that
 * neither the service's limit for a host nor a session's own is ever passed. A Job that waits for
 * its disk, not its host, lends its slot to others meanwhile. Not thread-safe.
 */
final class HostSlots {
    private final Map<String, Integer> perHost = new HashMap<>();
    private final Map<SessionHost, Integer> perSession = new HashMap<>();
    /** The slot each running transfer took, lent or not. */
    private final Map<Long, Slot> taken = new HashMap<>();
    /** The extra slots each segmented download holds besides its own, for its further connections. */
    private final Map<Long, Integer> borrowed = new HashMap<>();

    /** @return whether {@code host} (see {@link #keyOf(URI)}) has a free slot for {@code session} */
    boolean hasRoom(String host, String session, int hostLimit, int sessionLimit) {
        return perHost.getOrDefault(host, 0) < hostLimit
                && perSession.getOrDefault(new SessionHost(session, host), 0) < sessionLimit;
    }

    /** @return whether {@code host} has a free slot for any session */
    boolean hasRoom(String host, int hostLimit) {
        return perHost.getOrDefault(host, 0) < hostLimit;
    }

    /** @return whether a slot was free and transfer {@code id} now holds it */
    boolean tryAcquire(long id, String host, String session, int hostLimit, int sessionLimit) {
        if (!hasRoom(host, session, hostLimit, sessionLimit)) {
            return false;
        }
        Slot slot = new Slot(host, new SessionHost(session, host));
        count(slot, 1);
        taken.put(id, slot);
        return true;
    }

    /** @return whether transfer {@code id} held its slot, and now lent it to others */
    boolean lend(long id) {
        Slot slot = taken.get(id);
        if (slot == null || slot.lent) {
            return false;
        }
        count(slot, -1);
        slot.lent = true;
        return true;
    }

    /** @return whether transfer {@code id} holds its slot: it never lent it, or it took one again */
    boolean reclaim(long id, int hostLimit, ToIntFunction<String> sessionLimit) {
        Slot slot = taken.get(id);
        if (slot == null || !slot.lent) {
            return true;
        }
        String session = slot.sessionHost.session();
        if (!hasRoom(slot.host, session, hostLimit, sessionLimit.applyAsInt(session))) {
            return false;
        }
        count(slot, 1);
        slot.lent = false;
        return true;
    }

    /**
     * @return whether a slot of its host was free and transfer {@code id}, which holds its own slot,
     *         now holds that one too, for one more connection
     */
    boolean tryBorrow(long id, int hostLimit, int sessionLimit) {
        Slot slot = taken.get(id);
        if (slot == null || slot.lent || !hasRoom(slot.host, slot.sessionHost.session(), hostLimit, sessionLimit)) {
            return false;
        }
        count(slot, 1);
        borrowed.merge(id, 1, Integer::sum);
        return true;
    }

    /** Transfer {@code id} closed a connection it had borrowed a slot for: the slot is free again. */
    void giveBack(long id) {
        Slot slot = taken.get(id);
        if (slot != null && borrowed.containsKey(id)) {
            borrowed.merge(id, -1, HostSlots::sumOrNone);
            count(slot, -1);
        }
    }

    /** @return the host key of the slot transfer {@code id} holds, or {@code null} */
    String hostOf(long id) {
        Slot slot = taken.get(id);
        return slot == null ? null : slot.host;
    }

    /** Transfer {@code id}'s Job ended: its slot is free, unless it was lent already, and any it borrowed. */
    void jobEnded(long id) {
        Slot slot = taken.remove(id);
        if (slot != null && !slot.lent) {
            count(slot, -1);
        }
        Integer extra = borrowed.remove(id);
        if (slot != null && extra != null) {
            count(slot, -extra);
        }
    }

    private void count(Slot slot, int change) {
        perHost.merge(slot.host, change, HostSlots::sumOrNone);
        perSession.merge(slot.sessionHost, change, HostSlots::sumOrNone);
    }

    private static Integer sumOrNone(Integer count, Integer change) {
        int sum = count + change;
        return sum <= 0 ? null : sum;
    }

    /** @return the scheme, host and port that the URL's connections go to, as one key */
    static String keyOf(URI url) {
        return HttpTransport.hostOf(url).toURI();
    }

    private record SessionHost(String session, String host) {
    }

    private static final class Slot {
        final String host;
        final SessionHost sessionHost;
        boolean lent;

        Slot(String host, SessionHost sessionHost) {
            this.host = host;
            this.sessionHost = sessionHost;
        }
    }
}
