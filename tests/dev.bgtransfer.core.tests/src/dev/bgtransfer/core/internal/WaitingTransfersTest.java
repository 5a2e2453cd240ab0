package dev.bgtransfer.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The queue of transfers waiting for a connection slot of their host, within their session's limit. */
class WaitingTransfersTest {
    private static final URI A = URI.create("http://a.example/1");
    private static final URI A_AGAIN = URI.create("HTTP://A.example:80/2?q");
    private static final URI A_TLS = URI.create("https://a.example/3");
    private static final URI B = URI.create("http://b.example/1");
    private static final String SESSION = "s";

    private final WaitingTransfers waiting = new WaitingTransfers();
    private final HostSlots slots = new HostSlots();

    @Test
    void oldestFirstUpToTheLimitOfEachHost() {
        queue(A, B, A_AGAIN, A, A_TLS);

        assertEquals(List.of(1L, 3L, 2L, 5L), take(2));
        assertEquals(List.of(), take(2), "a.example is full");
        assertFalse(waiting.isEmpty());

        slots.jobEnded(3);
        assertEquals(List.of(4L), take(2));
        assertTrue(waiting.isEmpty());
    }

    @Test
    void slotsTakenElsewhereCount() {
        assertTrue(slots.tryAcquire(100, HostSlots.keyOf(A), SESSION, 1, 1));
        queue(A, B);

        assertEquals(List.of(2L), take(1));
        assertEquals(List.of(1L), take(2), "a higher limit lets it start");
    }

    @Test
    void noSlotIsTakenForNobody() {
        waiting.add(1, A, SESSION);
        assertEquals(List.of(1L), take(2));

        HostSlotsTest.assertOneFree(slots, HostSlots.keyOf(A), 2, 100, 101);
    }

    @Test
    void aSecondAddKeepsThePlace() {
        waiting.add(1, A, SESSION);
        waiting.add(2, A, SESSION);
        waiting.add(1, A, SESSION);
        waiting.add(1, B, SESSION);

        assertEquals(List.of(1L, 2L), take(5));
        assertTrue(waiting.isEmpty());
        assertEquals(List.of(), take(5));
    }

    @Test
    void removedTransfersNeverStart() {
        queue(A, A, B);

        waiting.remove(1);
        waiting.remove(3);
        waiting.remove(99);

        assertFalse(waiting.isEmpty());
        assertEquals(List.of(2L), take(1));
        assertTrue(waiting.isEmpty());
    }

    @Test
    void aTransferTakenOffTheQueueCanBeQueuedAgain() {
        waiting.add(1, A, SESSION);
        assertEquals(List.of(1L), take(1));

        waiting.add(1, A, SESSION);
        assertFalse(waiting.isEmpty());
        slots.jobEnded(1);
        assertEquals(List.of(1L), take(1));
    }

    @Test
    void removingTheLastOfAHostEmptiesTheQueue() {
        waiting.add(1, A, SESSION);
        waiting.remove(1);

        assertTrue(waiting.isEmpty());
        waiting.add(2, A, SESSION);
        assertEquals(List.of(2L), take(1));
    }

    @Test
    void aSessionAtItsOwnLimitLetsAnotherSessionsTransferPass() {
        waiting.add(1, A, "narrow");
        waiting.add(2, A, "narrow");
        waiting.add(3, A, "wide");
        waiting.add(4, A, "wide");
        Map<String, Integer> limits = Map.of("narrow", 1, "wide", 5);

        assertEquals(List.of(1L, 3L, 4L), waiting.takeStartable(slots, 3, limits::get));
        slots.jobEnded(3);
        assertEquals(List.of(), waiting.takeStartable(slots, 3, limits::get), "narrow still holds its one");
        slots.jobEnded(1);
        assertEquals(List.of(2L), waiting.takeStartable(slots, 3, limits::get));
    }

    @Test
    void acrossSessionsTheTransferQueuedFirstStartsFirst() {
        waiting.add(7, A, "late");
        waiting.add(2, A, "early");
        waiting.add(8, A, "late");

        assertEquals(List.of(7L, 2L), waiting.takeStartable(slots, 2, session -> 5), "the order they were queued in, not their ids");
        slots.jobEnded(7);
        assertEquals(List.of(8L), waiting.takeStartable(slots, 2, session -> 5));
    }

    private List<Long> take(int limit) {
        return waiting.takeStartable(slots, limit, session -> limit);
    }

    /** Queues transfers 1, 2, ... for {@code urls}, in that order. */
    private void queue(URI... urls) {
        for (int id = 1; id <= urls.length; id++) {
            waiting.add(id, urls[id - 1], SESSION);
        }
    }
}
