package dev.bgtransfer.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The queue of transfers waiting for a connection slot of their host. */
class WaitingTransfersTest {
    private static final URI A = URI.create("http://a.example/1");
    private static final URI A_AGAIN = URI.create("HTTP://A.example:80/2?q");
    private static final URI A_TLS = URI.create("https://a.example/3");
    private static final URI B = URI.create("http://b.example/1");

    private final WaitingTransfers waiting = new WaitingTransfers();
    private final HostSlots slots = new HostSlots();

    @Test
    void oldestFirstUpToTheLimitOfEachHost() {
        queue(A, B, A_AGAIN, A, A_TLS);

        assertEquals(List.of(1L, 3L, 2L, 5L), waiting.takeStartable(slots, 2));
        assertEquals(List.of(), waiting.takeStartable(slots, 2), "a.example is full");
        assertFalse(waiting.isEmpty());

        slots.jobEnded(3, A_AGAIN);
        assertEquals(List.of(4L), waiting.takeStartable(slots, 2));
        assertTrue(waiting.isEmpty());
    }

    @Test
    void slotsTakenElsewhereCount() {
        assertTrue(slots.tryAcquire(HostSlots.keyOf(A), 1));
        queue(A, B);

        assertEquals(List.of(2L), waiting.takeStartable(slots, 1));
        assertEquals(List.of(1L), waiting.takeStartable(slots, 2), "a higher limit lets it start");
    }

    @Test
    void noSlotIsTakenForNobody() {
        waiting.add(1, A);
        assertEquals(List.of(1L), waiting.takeStartable(slots, 2));

        HostSlotsTest.assertOneFree(slots, HostSlots.keyOf(A), 2);
    }

    @Test
    void aSecondAddKeepsThePlace() {
        waiting.add(1, A);
        waiting.add(2, A);
        waiting.add(1, A);
        waiting.add(1, B);

        assertEquals(List.of(1L, 2L), waiting.takeStartable(slots, 5));
        assertTrue(waiting.isEmpty());
        assertEquals(List.of(), waiting.takeStartable(slots, 5));
    }

    @Test
    void removedTransfersNeverStart() {
        queue(A, A, B);

        waiting.remove(1);
        waiting.remove(3);
        waiting.remove(99);

        assertFalse(waiting.isEmpty());
        assertEquals(List.of(2L), waiting.takeStartable(slots, 1));
        assertTrue(waiting.isEmpty());
    }

    @Test
    void aTransferTakenOffTheQueueCanBeQueuedAgain() {
        waiting.add(1, A);
        assertEquals(List.of(1L), waiting.takeStartable(slots, 1));

        waiting.add(1, A);
        assertFalse(waiting.isEmpty());
        slots.jobEnded(1, A);
        assertEquals(List.of(1L), waiting.takeStartable(slots, 1));
    }

    @Test
    void removingTheLastOfAHostEmptiesTheQueue() {
        waiting.add(1, A);
        waiting.remove(1);

        assertTrue(waiting.isEmpty());
        waiting.add(2, A);
        assertEquals(List.of(2L), waiting.takeStartable(slots, 1));
    }

    /** Queues transfers 1, 2, ... for {@code urls}, in that order. */
    private void queue(URI... urls) {
        for (int id = 1; id <= urls.length; id++) {
            waiting.add(id, urls[id - 1]);
        }
    }
}
