package dev.bgtransfer.remote.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferKind;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.EventStory;

/**
 * The queue of one client's events, on a clock the test moves: Progress coalesced to one per
 * interval per transfer with the latest bytes, never after a change it predates, dropped first when
 * the client falls behind.
 */
class EventOutboxTest {
    private static final long MS = 1_000_000;
    private static final long INTERVAL = 100 * MS;

    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final EventOutbox outbox = new EventOutbox(8, INTERVAL, now::get);

    @Test
    void aNewerProgressTakesThePlaceOfTheOneWaitingAndTheLatestBytesWin() {
        outbox.offer(added(1));
        outbox.offer(running(1));
        outbox.offer(progress(1, 10));
        outbox.offer(progress(1, 20));
        outbox.offer(progress(1, 30));

        assertEquals(List.of("Added#1", "StateChanged#1", "Progress#1@30"), drain());
    }

    @Test
    void progressWithinTheIntervalIsHeldBackThenSentWithTheLatestBytes() {
        outbox.offer(progress(1, 10));
        assertEquals(List.of("Progress#1@10"), drain());

        now.addAndGet(30 * MS);
        outbox.offer(progress(1, 20));
        now.addAndGet(30 * MS);
        outbox.offer(progress(1, 30));
        assertEquals(List.of(), drain(), "held until 100 ms after the last one");

        now.addAndGet(40 * MS);
        assertEquals(List.of("Progress#1@30"), drain());
    }

    @Test
    void aChangeDropsTheProgressHeldBackForItsTransferAndKeepsTheOneAlreadyQueuedBeforeIt() {
        outbox.offer(added(1));
        outbox.offer(running(1));
        outbox.offer(progress(1, 10));
        outbox.offer(progress(2, 10));
        outbox.offer(completed(2));
        outbox.offer(progress(1, 20)); // replaces 10 in place: nothing of transfer 1 came between
        outbox.offer(new TransferEvent.StateChanged(transfer(1, TransferState.PAUSED, 25), TransferState.RUNNING));
        outbox.offer(progress(1, 30)); // after the change: its own place, held by the interval
        assertEquals(List.of("Added#1", "StateChanged#1", "Progress#1@20", "Progress#2@10", "StateChanged#2",
                "StateChanged#1"), drain());

        now.addAndGet(INTERVAL);
        assertEquals(List.of("Progress#1@30"), drain());
    }

    @Test
    void aProgressHeldBackIsDroppedByTheChangeAfterIt() {
        outbox.offer(progress(1, 10));
        drain();
        outbox.offer(progress(1, 20));
        outbox.offer(new TransferEvent.StateChanged(transfer(1, TransferState.PAUSED, 25), TransferState.RUNNING));

        now.addAndGet(10 * INTERVAL);
        assertEquals(List.of("StateChanged#1"), drain(), "its bytes are in the change");
    }

    @Test
    void aThousandProgressOverTenSecondsBecomeAtMostTenASecond() {
        List<TransferEvent> sent = new ArrayList<>();
        sent.add(added(1));
        sent.add(running(1));
        for (int i = 1; i <= 1000; i++) {
            outbox.offer(progress(1, i));
            now.addAndGet(10 * MS);
            for (TransferEvent event = outbox.poll(); event != null; event = outbox.poll()) {
                sent.add(event);
            }
        }
        now.addAndGet(INTERVAL);
        for (TransferEvent event = outbox.poll(); event != null; event = outbox.poll()) {
            sent.add(event);
        }

        List<TransferEvent> progress = sent.stream().filter(TransferEvent.Progress.class::isInstance).toList();
        assertTrue(progress.size() <= 101, "sent " + progress.size());
        assertTrue(progress.size() >= 95, "sent " + progress.size());
        assertEquals(1000, ((TransferEvent.Progress) progress.getLast()).transfer().bytesReceived(),
                "the last bytes are sent");
        EventStory.assertConsistent(sent);
    }

    @Test
    void aFullQueueDropsItsProgressFirstThenGivesUpOnTheClient() {
        for (int id = 1; id <= 6; id++) {
            assertTrue(outbox.offer(progress(id, 1)));
        }
        assertTrue(outbox.offer(added(7)));
        assertTrue(outbox.offer(added(8)));
        assertTrue(outbox.offer(added(9)), "the Progress make room");
        assertEquals(3, outbox.size());

        for (int id = 10; id <= 14; id++) {
            assertTrue(outbox.offer(added(id)));
        }
        assertFalse(outbox.offer(added(15)), "nothing left to drop");
    }

    @Test
    void takeWaitsForAHeldProgressToBecomeDue() throws Exception {
        EventOutbox realTime = new EventOutbox(8, 50 * MS, System::nanoTime);
        realTime.offer(progress(1, 1));
        realTime.offer(progress(1, 2)); // replaces the one waiting
        assertEquals("Progress#1@2", describe(realTime.take()));
        realTime.offer(progress(1, 3)); // held: the last went out just now
        long start = System.nanoTime();

        assertEquals("Progress#1@3", describe(realTime.take()));
        assertTrue(System.nanoTime() - start >= 40 * MS, "released about 50 ms after the last");
        realTime.close();
        assertNull(realTime.take());
    }

    private List<String> drain() {
        List<String> events = new ArrayList<>();
        for (TransferEvent event = outbox.poll(); event != null; event = outbox.poll()) {
            events.add(describe(event));
        }
        return events;
    }

    private static String describe(TransferEvent event) {
        String name = event.getClass().getSimpleName() + "#" + EventStory.transferIdOf(event);
        return event instanceof TransferEvent.Progress progress ? name + "@" + progress.transfer().bytesReceived()
                : name;
    }

    private static TransferEvent added(long id) {
        return new TransferEvent.Added(transfer(id, TransferState.QUEUED, 0));
    }

    private static TransferEvent running(long id) {
        return new TransferEvent.StateChanged(transfer(id, TransferState.RUNNING, 0), TransferState.QUEUED);
    }

    private static TransferEvent completed(long id) {
        return new TransferEvent.StateChanged(transfer(id, TransferState.COMPLETED, 100), TransferState.RUNNING);
    }

    private static TransferEvent progress(long id, long bytes) {
        return new TransferEvent.Progress(transfer(id, TransferState.RUNNING, bytes));
    }

    private static Transfer transfer(long id, TransferState state, long bytes) {
        return new Transfer(id, URI.create("http://host/" + id), "f" + id, Path.of("/tmp"), Optional.empty(), state,
                bytes, 1000, Optional.empty(), Optional.empty(), Optional.empty(), "s", TransferKind.DOWNLOAD);
    }
}
