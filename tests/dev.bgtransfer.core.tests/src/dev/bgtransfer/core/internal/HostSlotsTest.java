package dev.bgtransfer.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;

/**
 * Connection slots per host, over all sessions and per session, and the slot a Job waiting for its
 * disk lends to others.
 */
class HostSlotsTest {
    private static final URI URL = URI.create("http://h.example/file");
    private static final String HOST = HostSlots.keyOf(URL);
    private static final String SESSION = "s";

    private final HostSlots slots = new HostSlots();
    /** Ids for slots taken by others than the transfers a test follows. */
    private long others = 100;

    @Test
    void theKeyIsSchemeHostAndPort() {
        assertEquals(HOST, HostSlots.keyOf(URI.create("HTTP://H.EXAMPLE:80/other?x")));
        assertEquals(HostSlots.keyOf(URI.create("https://h.example/")), HostSlots.keyOf(URI.create("https://h.example:443/")));
        assertFalse(HOST.equals(HostSlots.keyOf(URI.create("https://h.example/file"))));
        assertFalse(HOST.equals(HostSlots.keyOf(URI.create("http://h.example:8080/file"))));
    }

    @Test
    void aFurtherConnectionTakesOnlyAFreeSlotAndGivesItBack() {
        assertTrue(take(1, 3));
        assertFalse(slots.tryBorrow(1, 5, 1), "never past the session's own limit");
        assertTrue(slots.tryBorrow(1, 3, 3));
        assertTrue(slots.tryBorrow(1, 3, 3));
        assertFalse(slots.tryBorrow(1, 3, 3), "the host's slots are all taken");
        assertFalse(take(2, 3), "another transfer waits");
        slots.giveBack(1);
        assertTrue(take(2, 3), "the slot given back is the waiting transfer's");
        assertFalse(slots.tryBorrow(1, 3, 3));
        slots.jobEnded(1);
        assertTrue(take(3, 3) && take(4, 3), "a Job that ends frees its own slot and the one it borrowed");
        assertFalse(take(5, 3));
        assertFalse(slots.tryBorrow(9, 5, 5), "only a transfer that holds a slot borrows one");
    }

    @Test
    void neverMoreThanTheLimit() {
        assertTrue(take(1, 2));
        assertTrue(take(2, 2));
        assertFalse(take(3, 2));
        assertTrue(slots.tryAcquire(4, HostSlots.keyOf(URI.create("http://other.example/")), SESSION, 2, 2));
        assertTrue(take(5, 3), "the limit is the caller's");
    }

    @Test
    void theHostsLimitHoldsOverAllSessionsAndEachSessionsOwnWithinIt() {
        assertTrue(slots.tryAcquire(1, HOST, "a", 3, 1));
        assertFalse(slots.tryAcquire(2, HOST, "a", 3, 1), "a's own limit is 1");
        assertTrue(slots.tryAcquire(3, HOST, "b", 3, 5));
        assertTrue(slots.tryAcquire(4, HOST, "b", 3, 5));
        assertFalse(slots.tryAcquire(5, HOST, "b", 3, 5), "the host's limit of 3 is reached, over both sessions");
        assertFalse(slots.hasRoom(HOST, 3));

        slots.jobEnded(1);
        assertFalse(slots.hasRoom(HOST, "b", 3, 2), "b holds two, its limit");
        assertTrue(slots.tryAcquire(6, HOST, "a", 3, 1), "a's slot is free again");
    }

    @Test
    void anEndedJobFreesItsSlot() {
        fill(2);
        slots.jobEnded(1);

        assertOneFree(2);
    }

    @Test
    void aLentSlotIsFreeForOthersOnce() {
        fill(1);

        assertTrue(slots.lend(1));
        assertFalse(slots.lend(1), "lent already");
        assertFalse(slots.lend(99), "no slot to lend");

        assertOneFree(1);
    }

    @Test
    void aLentSlotIsReclaimedWhenOneIsFree() {
        fill(1);
        slots.lend(1);
        assertTrue(take(2, 1));

        assertFalse(slots.reclaim(1, 1, limit(1)), "another transfer has the slot");
        slots.jobEnded(2);
        assertTrue(slots.reclaim(1, 1, limit(1)));
        assertFalse(take(3, 1), "the reclaimed slot is taken");
        assertTrue(slots.reclaim(1, 1, limit(1)), "held: nothing more to take");
        assertFalse(take(4, 1));
    }

    @Test
    void aLentSlotComesBackOnlyWithinItsSessionsLimit() {
        assertTrue(slots.tryAcquire(1, HOST, "a", 5, 1));
        slots.lend(1);
        assertTrue(slots.tryAcquire(2, HOST, "a", 5, 1));

        assertFalse(slots.reclaim(1, 5, session -> 1), "the host has room, the session has none");
        slots.jobEnded(2);
        assertTrue(slots.reclaim(1, 5, session -> 1));
    }

    @Test
    void aJobThatNeverLentHoldsItsSlot() {
        fill(1);
        assertTrue(slots.reclaim(1, 1, limit(1)));
        assertFalse(take(2, 1));
    }

    @Test
    void aJobEndingWithItsSlotLentFreesNothingMore() {
        fill(2);
        slots.lend(1);
        assertTrue(take(3, 2));

        slots.jobEnded(1);
        assertFalse(take(4, 2), "two others hold both slots");
    }

    /** Asserts that exactly one slot of {@link #HOST} is free at {@code limit} for {@link #SESSION}, and takes it. */
    private void assertOneFree(int limit) {
        assertOneFree(slots, HOST, limit, others++, others++);
    }

    /** Asserts that exactly one slot of {@code host} is free at {@code limit}, and takes it for {@code first}. */
    static void assertOneFree(HostSlots slots, String host, int limit, long first, long second) {
        assertTrue(slots.tryAcquire(first, host, SESSION, limit, limit), "one slot free");
        assertFalse(slots.tryAcquire(second, host, SESSION, limit, limit), "only one");
    }

    private boolean take(long id, int limit) {
        return slots.tryAcquire(id, HOST, SESSION, limit, limit);
    }

    private static ToIntFunction<String> limit(int limit) {
        return session -> limit;
    }

    /** Takes every slot of {@link #URL}'s host at limit {@code jobs}, for transfers 1 to {@code jobs}. */
    private void fill(int jobs) {
        for (int job = 1; job <= jobs; job++) {
            assertTrue(take(job, jobs));
        }
    }
}
