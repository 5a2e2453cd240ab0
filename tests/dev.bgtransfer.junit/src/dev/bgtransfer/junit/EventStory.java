package dev.bgtransfer.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferState;

/**
 * The rules every sequence of events a listener hears keeps (see {@link TransferEvent}), for any
 * listener: a {@code TransferListener} service of the service, or a client of it in another process.
 */
public final class EventStory {

    private EventStory() {
    }

    /** @return the id of the transfer the event is about, or -1 for a batch's {@code AllFinished} */
    public static long transferIdOf(TransferEvent event) {
        return switch (event) {
            case TransferEvent.Added added -> added.transfer().id();
            case TransferEvent.StateChanged changed -> changed.transfer().id();
            case TransferEvent.Progress progress -> progress.transfer().id();
            case TransferEvent.Completed completed -> completed.transfer().id();
            case TransferEvent.Failed failed -> failed.transfer().id();
            case TransferEvent.Removed removed -> removed.transfer().id();
            case TransferEvent.AllFinished finished -> -1;
        };
    }

    /**
     * Follows every transfer's state from its events alone, as a listener would, and fails at the
     * first event that does not fit what came before.
     */
    public static void assertConsistent(List<TransferEvent> events) {
        Map<Long, TransferState> state = new HashMap<>();
        Set<Long> removed = new HashSet<>();
        List<String> story = new ArrayList<>();
        for (TransferEvent event : events) {
            long id = transferIdOf(event);
            story.add(event.getClass().getSimpleName() + "#" + id);
            if (event instanceof TransferEvent.AllFinished) {
                continue;
            }
            if (removed.contains(id)) {
                fail("an event after Removed: " + story);
            }
            TransferState known = state.get(id);
            switch (event) {
                case TransferEvent.Added added -> {
                    assertEquals(null, known, "Added twice: " + story);
                    state.put(id, added.transfer().state());
                }
                case TransferEvent.StateChanged changed -> {
                    assertNotNull(known, "a change before Added: " + story);
                    assertEquals(known, changed.previous(), "a change from a state never announced: " + story);
                    assertTrue(known.canMoveTo(changed.transfer().state()), "not a move of the life cycle: " + story);
                    state.put(id, changed.transfer().state());
                }
                case TransferEvent.Progress progress -> assertEquals(known, progress.transfer().state(),
                        "progress in another state than announced: " + story);
                case TransferEvent.Completed completed -> assertEquals(TransferState.COMPLETED, known,
                        "Completed before its change: " + story);
                case TransferEvent.Failed failed -> assertEquals(TransferState.FAILED, known,
                        "Failed before its change: " + story);
                case TransferEvent.Removed gone -> removed.add(id);
                case TransferEvent.AllFinished finished -> throw new AssertionError(finished);
            }
        }
    }
}
