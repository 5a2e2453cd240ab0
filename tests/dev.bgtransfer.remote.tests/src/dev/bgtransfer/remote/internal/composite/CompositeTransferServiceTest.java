package dev.bgtransfer.remote.internal.composite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferListener;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.EventStory;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;
import dev.bgtransfer.remote.internal.client.RemoteTransfers;
import dev.bgtransfer.remote.tests.HeardEvents;
import dev.bgtransfer.remote.tests.RemoteServiceTest;

/**
 * The composite service of a workbench, built from the real service of this framework and a client
 * of an {@code ApiServer} that serves that same service in the daemon's place. One engine stands on
 * both sides, so a transfer of a background session is seen twice: here under its id, through the
 * composite under the mapped id. What proves the route is the socket: with the server closed, the
 * daemon's ids and sessions fail while this process's go on. The listeners are bound to the
 * composite as SCR binds its whiteboard references; the core does not know them, so what they hear
 * came through the socket.
 */
class CompositeTransferServiceTest extends RemoteServiceTest {
    private static final String BACKGROUND = "test.composite.background";

    private CompositeTransferService composite;

    @BeforeEach
    void createComposite() {
        composite = new CompositeTransferService(fixture.service(), this::connect);
    }

    @AfterEach
    void forgetTheBackgroundSession() {
        composite.close();
        fixture.service().session(BACKGROUND, background()).invalidate();
    }

    @Test
    void aBackgroundTransferCarriesAMappedIdAndItsOperationsReachTheDaemon() throws Exception {
        TestFile file = server.addFile("/files/background.bin", 4_000_000, 611).throttle(500_000);
        TransferSession session = composite.session(BACKGROUND, background());

        Transfer added = session.download(request(file));
        long there = RemoteIds.unmapped(added.id());

        assertTrue(RemoteIds.isRemote(added.id()), "an id of the daemon's range: " + added.id());
        assertEquals(BACKGROUND, fixture.service().get(there).orElseThrow().session());
        fixture.awaitBytes(there, 100_000);
        composite.pause(added.id());
        Transfer paused = fixture.awaitState(there, TransferState.PAUSED);
        assertEquals(Optional.of(RemoteIds.mapped(paused)), composite.get(added.id()));
        assertEquals(List.of(RemoteIds.mapped(paused)), session.transfers());
        assertEquals(List.of(RemoteIds.mapped(paused)), session.unfinished());

        composite.start(added.id());
        fixture.awaitBytes(there, paused.bytesReceived() + 1);
        composite.stop(added.id());
        assertEquals(0, fixture.awaitState(there, TransferState.CANCELLED).bytesReceived(), "a stop discards the bytes");
        composite.remove(added.id(), true);
        assertEquals(Optional.empty(), fixture.service().get(there));
        assertEquals(Optional.empty(), composite.get(added.id()));
    }

    @Test
    void theDaemonsTimelineComesWithTheMappedIds() {
        TestFile file = server.addFile("/files/told.bin", 100_000, 614);
        Transfer added = composite.session(BACKGROUND, background()).download(request(file));
        long there = RemoteIds.unmapped(added.id());
        fixture.awaitState(there, TransferState.COMPLETED);

        List<TimelineEntry> timeline = composite.timeline(added.id());

        assertEquals(fixture.service().timeline(there).stream().map(RemoteIds::mapped).toList(), timeline);
        assertTrue(timeline.stream().allMatch(entry -> entry.transferId() == added.id()));
        assertFalse(timeline.isEmpty());
    }

    @Test
    void aBackgroundTransfersLimitIsSetInTheDaemon() {
        TransferSession session = composite.session(BACKGROUND, background());
        Transfer added = session.add(request(server.addFile("/files/limited.bin", 100_000, 613)));
        long there = RemoteIds.unmapped(added.id());

        composite.setRateLimit(added.id(), RateLimit.of(300_000));

        assertEquals(RateLimit.of(300_000), fixture.service().rateLimit(there));
        assertEquals(RateLimit.of(300_000), composite.rateLimit(added.id()));
    }

    @Test
    void aSessionsLimitSetThroughTheCompositeIsListedWithTheOthers() {
        try {
            composite.setSessionLimit(BACKGROUND, RateLimit.of(400_000));

            assertEquals(RateLimit.of(400_000), composite.sessionLimits().get(BACKGROUND));
            assertEquals(fixture.service().sessionLimits(), composite.sessionLimits());
        } finally {
            composite.setSessionLimit(BACKGROUND, RateLimit.UNLIMITED);
        }
        assertFalse(composite.sessionLimits().containsKey(BACKGROUND), "lifted");
    }

    @Test
    void withTheDaemonGoneItsIdsFailWithASentenceAndListingsGiveThisProcesssTransfersWhichGoOn() throws Exception {
        TestFile file = server.addFile("/files/here.bin", 200_000, 612);
        TransferSession daemons = composite.session(BACKGROUND, background());
        Transfer remote = daemons.add(request(file));
        TransferSession mine = composite.session("test.composite.default",
                SessionConfiguration.of(SessionKind.DEFAULT).withOptions(TransferFixture.OPTIONS));
        TransferSession memoryOnly = composite.session("test.composite.ephemeral",
                SessionConfiguration.of(SessionKind.EPHEMERAL).withOptions(TransferFixture.OPTIONS));

        api.close();

        IllegalStateException stopped = assertThrows(IllegalStateException.class, () -> composite.start(remote.id()));
        assertTrue(stopped.getMessage().contains("stopped"), stopped.getMessage());
        assertThrows(IllegalStateException.class, () -> composite.get(remote.id()));
        assertEquals(List.of(), daemons.transfers(), "a listing gives what this process has of the session: nothing");
        assertArrayEquals(fixture.service().ids(), composite.ids(), "and the composite's, this process's transfers");
        for (Transfer here : List.of(composite.download(request(file)), mine.download(request(file)),
                memoryOnly.download(request(file)))) {
            assertFalse(RemoteIds.isRemote(here.id()), "an id of this process: " + here.id());
            assertEquals(TransferState.COMPLETED, fixture.awaitState(here.id(), TransferState.COMPLETED).state());
            assertEquals(TransferState.COMPLETED, composite.get(here.id()).orElseThrow().state());
        }
        assertEquals(TransferState.CANCELLED, fixture.service().get(RemoteIds.unmapped(remote.id())).orElseThrow().state(),
                "the daemon's transfer untouched by this process");
        mine.invalidate();
        memoryOnly.invalidate();
    }

    @Test
    void listingsPutTheDaemonsTransfersAfterThisProcesssAndPagesCrossTheBoundary() throws Exception {
        TestFile file = server.addFile("/files/listed.bin", 1_000, 613);
        composite.add(request(file));
        composite.add(request(file));
        TransferSession daemons = composite.session(BACKGROUND, background());
        daemons.add(request(file));
        daemons.add(request(file));

        long[] here = fixture.service().ids();
        long[] expected = LongStream.concat(LongStream.of(here), LongStream.of(RemoteIds.mapped(here))).toArray();
        assertArrayEquals(expected, composite.ids(), "this process's ids, then the daemon's mapped");
        assertArrayEquals(expected, idsOf(composite.transfers()));
        assertArrayEquals(expected, idsOf(composite.unfinished()), "nothing here completed");
        long lastHere = here[here.length - 1];
        assertArrayEquals(new long[] { lastHere, RemoteIds.mapped(here[0]), RemoteIds.mapped(here[1]) },
                idsOf(composite.transfers(lastHere, 3)), "a page across the boundary");
        assertArrayEquals(new long[] { here[0] }, idsOf(composite.transfers(here[0], 1)), "a page of this process's alone");
        assertArrayEquals(new long[] { RemoteIds.mapped(here[1]), RemoteIds.mapped(here[2]) },
                idsOf(composite.transfers(RemoteIds.mapped(here[1]), 2)), "a page of the daemon's alone");
        assertArrayEquals(new long[0], idsOf(composite.transfers(RemoteIds.mapped(lastHere) + 1, 5)));
    }

    @Test
    void listenersHearTheDaemonsEventsOnceWithMappedIdsAndOnlyTheirSessions() throws Exception {
        TestFile file = server.addFile("/files/heard.bin", 1_500_000, 614).throttle(3_000_000);
        HeardEvents backgroundOnly = new HeardEvents();
        HeardEvents anotherSession = new HeardEvents();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        TransferListener everySession = event -> threads.add(Thread.currentThread().getName());
        composite.addListener(backgroundOnly, Map.of(TransferListener.SESSION, BACKGROUND));
        composite.addListener(anotherSession, Map.of(TransferListener.SESSION, "test.composite.another"));
        composite.addListener(everySession, Map.of());
        TransferSession daemons = composite.session(BACKGROUND, background());
        HeardEvents addedLater = new HeardEvents();
        composite.addListener(addedLater, Map.of());

        Transfer added = daemons.download(request(file));
        TransferEvent.Completed completed = backgroundOnly.awaitCompleted(added.id());
        addedLater.awaitCompleted(added.id());

        assertEquals(new TransferEvent.Added(added), backgroundOnly.eventsOf(added.id()).getFirst(),
                "Added first, as download returned it");
        assertEquals(RemoteIds.mapped(fixture.service().get(RemoteIds.unmapped(added.id())).orElseThrow()),
                completed.transfer());
        EventStory.assertConsistent(backgroundOnly.events()); // an event heard twice breaks the story
        assertTrue(backgroundOnly.events().stream().map(EventStory::transferIdOf)
                .allMatch(id -> id == -1 || RemoteIds.isRemote(id)), backgroundOnly.events().toString());
        assertEquals(List.of(), anotherSession.events());
        assertFalse(threads.isEmpty());
        assertFalse(threads.contains(Thread.currentThread().getName()), "not the caller's thread: " + threads);

        composite.removeListener(backgroundOnly);
        Transfer next = daemons.download(request(file));
        addedLater.awaitCompleted(next.id());
        assertEquals(List.of(), backgroundOnly.eventsOf(next.id()), "nothing after it was removed");
    }

    @Test
    void withoutADaemonBackgroundSessionsRunInThisProcessAndItIsAskedOnce() throws Exception {
        TestFile file = server.addFile("/files/alone.bin", 100_000, 615);
        Path nobody = besideSocket("nobody");
        AtomicInteger attempts = new AtomicInteger();
        CompositeTransferService alone = new CompositeTransferService(fixture.service(), () -> {
            attempts.incrementAndGet();
            return RemoteTransfers.connect(nobody, serviceName(), fixture.service());
        });
        try {
            Transfer added = alone.session(BACKGROUND, background()).download(request(file));

            assertFalse(RemoteIds.isRemote(added.id()), "an id of this process: " + added.id());
            fixture.awaitState(added.id(), TransferState.COMPLETED);
            assertArrayEquals(fixture.service().ids(), alone.ids());
            assertArrayEquals(fixture.service().ids(), idsOf(alone.transfers()));
            IllegalStateException unreachable = assertThrows(IllegalStateException.class,
                    () -> alone.start(RemoteIds.mapped(added.id())));
            assertTrue(unreachable.getMessage().contains(nobody.toString()), unreachable.getMessage());
            assertEquals(1, attempts.get(), "the daemon asked for once");
        } finally {
            alone.close();
        }
    }

    private TransferRequest request(TestFile file) {
        return TransferRequest.of(server.uri(file.path()), folder);
    }

    private static long[] idsOf(List<Transfer> transfers) {
        return new ArrayList<>(transfers).stream().mapToLong(Transfer::id).toArray();
    }

    private static SessionConfiguration background() {
        return SessionConfiguration.of(SessionKind.BACKGROUND).withOptions(TransferFixture.OPTIONS);
    }
}
