package dev.bgtransfer.remote.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferListener;
import dev.bgtransfer.junit.EventStory;
import dev.bgtransfer.junit.TransferFixture;

/** A listener of a remote client that records what it hears, and when. */
public final class HeardEvents implements TransferListener {
    /** An event and the {@link System#nanoTime()} it arrived at. */
    public record Heard(TransferEvent event, long at) {
    }

    private final List<Heard> heard = new CopyOnWriteArrayList<>();

    @Override
    public void transferChanged(TransferEvent event) {
        heard.add(new Heard(event, System.nanoTime()));
    }

    public List<Heard> heard() {
        return List.copyOf(heard);
    }

    public List<TransferEvent> events() {
        return heard.stream().map(Heard::event).toList();
    }

    /** @return the events about the transfer {@code id}, in the order they came */
    public List<TransferEvent> eventsOf(long id) {
        return events().stream().filter(event -> EventStory.transferIdOf(event) == id).toList();
    }

    /** Waits until an event of this type that matches was heard. */
    public <E extends TransferEvent> E await(Class<E> type, Predicate<E> condition) {
        long deadline = System.nanoTime() + TransferFixture.TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (TransferEvent event : events()) {
                if (type.isInstance(event) && condition.test(type.cast(event))) {
                    return type.cast(event);
                }
            }
            TransferFixture.sleep(5);
        }
        return fail("No " + type.getSimpleName() + " was heard; heard: " + events());
    }

    /** Waits until the transfer {@code id} was heard to complete. */
    public TransferEvent.Completed awaitCompleted(long id) {
        return await(TransferEvent.Completed.class, completed -> completed.transfer().id() == id);
    }
}
