package dev.bgtransfer.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** Connection slots per host, and the slot a Job waiting for its disk lends to others. */
class HostSlotsTest {
    private static final URI URL = URI.create("http://h.example/file");
    private static final String HOST = HostSlots.keyOf(URL);

    private final HostSlots slots = new HostSlots();

    @Test
    void theKeyIsSchemeHostAndPort() {
        assertEquals(HOST, HostSlots.keyOf(URI.create("HTTP://H.EXAMPLE:80/other?x")));
        assertEquals(HostSlots.keyOf(URI.create("https://h.example/")), HostSlots.keyOf(URI.create("https://h.example:443/")));
        assertFalse(HOST.equals(HostSlots.keyOf(URI.create("https://h.example/file"))));
        assertFalse(HOST.equals(HostSlots.keyOf(URI.create("http://h.example:8080/file"))));
    }

    @Test
    void neverMoreThanTheLimit() {
        assertTrue(slots.tryAcquire(HOST, 2));
        assertTrue(slots.tryAcquire(HOST, 2));
        assertFalse(slots.tryAcquire(HOST, 2));
        assertTrue(slots.tryAcquire(HostSlots.keyOf(URI.create("http://other.example/")), 2));
        assertTrue(slots.tryAcquire(HOST, 3), "the limit is the caller's");
    }

    @Test
    void anEndedJobFreesItsSlot() {
        fill(2);
        slots.jobEnded(1, URL);

        assertOneFree(slots, HOST, 2);
    }

    @Test
    void aLentSlotIsFreeForOthersOnce() {
        fill(1);

        assertTrue(slots.lend(1, URL));
        assertFalse(slots.lend(1, URL), "lent already");

        assertOneFree(slots, HOST, 1);
    }

    @Test
    void aLentSlotIsReclaimedWhenOneIsFree() {
        fill(1);
        slots.lend(1, URL);
        assertTrue(slots.tryAcquire(HOST, 1));

        assertFalse(slots.reclaim(1, URL, 1), "another transfer has the slot");
        slots.jobEnded(2, URL);
        assertTrue(slots.reclaim(1, URL, 1));
        assertFalse(slots.tryAcquire(HOST, 1), "the reclaimed slot is taken");
        assertTrue(slots.reclaim(1, URL, 1), "held: nothing more to take");
        assertFalse(slots.tryAcquire(HOST, 1));
    }

    @Test
    void aJobThatNeverLentHoldsItsSlot() {
        fill(1);
        assertTrue(slots.reclaim(1, URL, 1));
        assertFalse(slots.tryAcquire(HOST, 1));
    }

    @Test
    void aJobEndingWithItsSlotLentFreesNothingMore() {
        fill(2);
        slots.lend(1, URL);
        assertTrue(slots.tryAcquire(HOST, 2));

        slots.jobEnded(1, URL);
        assertFalse(slots.tryAcquire(HOST, 2), "two others hold both slots");
    }

    /** Asserts that exactly one slot of {@code host} is free at {@code limit}, and takes it. */
    static void assertOneFree(HostSlots slots, String host, int limit) {
        assertTrue(slots.tryAcquire(host, limit), "one slot free");
        assertFalse(slots.tryAcquire(host, limit), "only one");
    }

    /** Takes every slot of {@link #URL}'s host at limit {@code jobs}, for transfers 1 to {@code jobs}. */
    private void fill(int jobs) {
        for (int job = 1; job <= jobs; job++) {
            assertTrue(slots.tryAcquire(HOST, jobs));
        }
    }
}
