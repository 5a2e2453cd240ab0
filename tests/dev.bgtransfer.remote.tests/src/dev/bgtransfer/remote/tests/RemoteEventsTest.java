package dev.bgtransfer.remote.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.EventStory;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;
import dev.bgtransfer.remote.internal.client.RemoteTransfers;

/** Events as clients hear them: the sessions each listens to, the same story for each, Progress paced. */
class RemoteEventsTest extends RemoteServiceTest {
    private static final String SESSION = "test.remote.events";
    private static final long SECOND = 1_000_000_000L;

    @Test
    void twoClientsSeeTheSameTransfersAndEachHearsTheSessionsItListensTo() {
        TestFile one = server.addFile("/files/one.bin", 500_000, 621);
        TestFile two = server.addFile("/files/two.bin", 500_000, 622);
        RemoteTransfers first = connect();
        RemoteTransfers second = connect();
        HeardEvents everything = new HeardEvents();
        HeardEvents ofSession = new HeardEvents();
        first.addListener(everything, Optional.empty());
        second.addListener(ofSession, Optional.of(SESSION));
        TransferSession session = first.session(SESSION, configuration());

        Transfer inSession = session.download(TransferRequest.of(server.uri(one.path()), folder));
        Transfer inDefault = second.download(TransferRequest.of(server.uri(two.path()), folder));
        everything.awaitCompleted(inSession.id());
        everything.awaitCompleted(inDefault.id());
        ofSession.awaitCompleted(inSession.id());
        fixture.awaitState(inDefault.id(), TransferState.COMPLETED);

        assertEquals(first.transfers(), second.transfers());
        assertEquals(fixture.service().transfers(), first.transfers());
        assertTrue(ofSession.events().stream().allMatch(event -> event.session().equals(SESSION)),
                ofSession.events().toString());
        assertEquals(everything.eventsOf(inSession.id()).stream().filter(event -> !isProgress(event)).toList(),
                ofSession.eventsOf(inSession.id()).stream().filter(event -> !isProgress(event)).toList(),
                "the same story");
        EventStory.assertConsistent(everything.events());
        EventStory.assertConsistent(ofSession.events());
    }

    @Test
    void aRemovedListenerHearsNothingMore() {
        TestFile file = server.addFile("/files/unheard.bin", 100_000, 623);
        RemoteTransfers client = connect();
        HeardEvents gone = new HeardEvents();
        HeardEvents staying = new HeardEvents();
        Runnable removal = client.addListener(gone, Optional.empty());
        client.addListener(staying, Optional.of(TransferSession.DEFAULT_IDENTIFIER));

        removal.run();
        Transfer added = client.download(TransferRequest.of(server.uri(file.path()), folder));
        staying.awaitCompleted(added.id());

        assertEquals(List.of(), gone.events());
    }

    @Test
    void progressOfAPacedDownloadComesAtMostTenTimesASecondAndNeverAfterItsEnd() {
        TestFile file = server.addFile("/files/paced.bin", 2_000_000, 624).throttle(1_000_000);
        RemoteTransfers client = connect();
        HeardEvents heard = new HeardEvents();
        client.addListener(heard, Optional.empty());

        Transfer added = client.download(TransferRequest.of(server.uri(file.path()), folder));
        TransferEvent.Completed completed = heard.awaitCompleted(added.id());

        List<HeardEvents.Heard> progress = heard.heard().stream()
                .filter(event -> event.event() instanceof TransferEvent.Progress p && p.transfer().id() == added.id())
                .toList();
        assertTrue(progress.size() >= 5, "it streamed: " + progress.size());
        for (HeardEvents.Heard from : progress) {
            long inOneSecond = progress.stream().filter(p -> p.at() >= from.at() && p.at() - from.at() < SECOND).count();
            assertTrue(inOneSecond <= 11, inOneSecond + " Progress within a second");
        }
        long lastBytes = ((TransferEvent.Progress) progress.getLast().event()).transfer().bytesReceived();
        assertTrue(lastBytes <= completed.transfer().bytesReceived(), "not newer than Completed");
        List<TransferEvent> story = heard.eventsOf(added.id());
        assertTrue(story.indexOf(progress.getLast().event()) < story.indexOf(completed));
        EventStory.assertConsistent(heard.events());
    }

    @AfterEach
    void forgetTheSession() {
        fixture.service().session(SESSION, configuration()).invalidate();
    }

    private static boolean isProgress(TransferEvent event) {
        return event instanceof TransferEvent.Progress;
    }

    private static SessionConfiguration configuration() {
        return SessionConfiguration.of(SessionKind.BACKGROUND).withOptions(TransferFixture.OPTIONS);
    }
}
