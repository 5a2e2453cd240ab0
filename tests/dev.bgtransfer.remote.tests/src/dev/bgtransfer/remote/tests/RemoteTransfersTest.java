package dev.bgtransfer.remote.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.bgtransfer.junit.TransferFixture.sha256;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.DataRequest;
import dev.bgtransfer.core.DataResponse;
import dev.bgtransfer.core.RequestHeader;
import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.RateSchedule;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferKind;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.UploadRequest;
import dev.bgtransfer.junit.EventStory;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;
import dev.bgtransfer.junit.UploadEndpoint;
import dev.bgtransfer.remote.internal.client.RemoteTransfers;

/**
 * A client in the role of an application whose background session the per-user service runs:
 * downloads, uploads and operations by id over the socket, each checked against what the service
 * itself holds and what the test server served or stored.
 */
class RemoteTransfersTest extends RemoteServiceTest {
    private static final String SESSION = "test.remote.background";

    @Test
    void aBackgroundDownloadCompletesAndTheClientHearsAConsistentStory() throws Exception {
        TestFile file = server.addFile("/files/background.bin", 3_000_000, 601).throttle(4_000_000);
        RemoteTransfers client = connect();
        HeardEvents heard = new HeardEvents();
        client.addListener(heard, Optional.of(SESSION));
        TransferSession session = client.session(SESSION, background());

        Transfer added = session.download(TransferRequest.of(server.uri(file.path()), folder));
        TransferEvent.Completed completed = heard.awaitCompleted(added.id());

        assertEquals(TransferState.QUEUED, added.state());
        assertEquals(SESSION, added.session());
        Path downloaded = completed.transfer().file().orElseThrow();
        assertEquals(file.sha256(), sha256(downloaded), "the bytes the server served");
        assertEquals(file.sha256(), completed.transfer().sha256().orElseThrow());
        List<TransferEvent> story = heard.eventsOf(added.id());
        assertEquals(new TransferEvent.Added(added), story.getFirst(), "Added first, as download returned it");
        assertTrue(story.stream().anyMatch(TransferEvent.Progress.class::isInstance), story.toString());
        EventStory.assertConsistent(heard.events());
        assertEquals(fixture.service().get(added.id()), client.get(added.id()), "the service's own view");
        assertEquals(fixture.service().session(SESSION, background()).transfers(), session.transfers());
        assertEquals(background(), session.configuration());
    }

    @Test
    void headersAndANewUrlGivenOverTheSocketReachTheServicesRequests() throws Exception {
        TestFile old = server.addFile("/files/old-link.bin", 3_000_000, 603).throttle(1_000_000);
        TestFile fresh = server.addFile("/files/new-link.bin", 3_000_000, 603);
        RemoteTransfers client = connect();
        Transfer added = client.add(TransferRequest.of(server.uri(old.path()), folder));

        client.setHeaders(added.id(), List.of(RequestHeader.parse("Authorization: Bearer over-the-socket")));
        client.start(added.id());
        fixture.awaitBytes(added.id(), 100_000);
        client.pause(added.id());
        Transfer paused = fixture.awaitState(added.id(), TransferState.PAUSED);
        Transfer moved = client.changeUrl(added.id(), server.uri(fresh.path()));
        client.start(added.id());
        Transfer done = fixture.awaitState(added.id(), TransferState.COMPLETED);

        assertEquals(server.uri(fresh.path()), moved.url());
        assertEquals("Bearer over-the-socket", server.requests(old.path()).getFirst().header("Authorization").orElseThrow());
        RecordedRequest resumed = server.requests(fresh.path()).getFirst();
        assertEquals("Bearer over-the-socket", resumed.header("Authorization").orElseThrow());
        assertEquals(paused.bytesReceived(), resumed.rangeStart().orElseThrow());
        assertEquals(fresh.sha256(), sha256(done.file().orElseThrow()));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> client.changeUrl(added.id(), server.uri("/elsewhere")));
        assertEquals("Transfer " + added.id() + " is complete: its URL can no longer be changed", refused.getMessage());
    }

    @Test
    void pauseStartStopAndRemoveByIdActOnTheService() throws Exception {
        TestFile file = server.addFile("/files/operated.bin", 4_000_000, 602).throttle(500_000);
        RemoteTransfers client = connect();

        Transfer added = client.download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitBytes(added.id(), 100_000);
        client.pause(added.id());
        Transfer paused = fixture.awaitState(added.id(), TransferState.PAUSED);
        assertEquals(Optional.of(paused), client.get(added.id()));
        assertTrue(paused.bytesReceived() >= 100_000, "its bytes kept");
        assertEquals(fixture.service().unfinished(), client.unfinished());

        client.start(added.id());
        fixture.awaitBytes(added.id(), paused.bytesReceived() + 1);

        client.stop(added.id());
        Transfer stopped = fixture.awaitState(added.id(), TransferState.CANCELLED);
        assertEquals(Optional.of(stopped), client.get(added.id()));
        assertEquals(0, stopped.bytesReceived(), "a stop discards the bytes");
        assertEquals(fixture.service().transfers(), client.transfers());
        assertArrayEquals(fixture.service().ids(), client.ids());
        assertEquals(fixture.service().transfers(added.id(), 1), client.transfers(added.id(), 1));

        client.remove(added.id(), true);
        assertEquals(Optional.empty(), fixture.service().get(added.id()));
        assertEquals(Optional.empty(), client.get(added.id()));
    }

    @Test
    void anUploadOverTheWireStoresTheFilesBytesAtTheServer() throws Exception {
        Path source = folder.resolve("upload.bin");
        byte[] bytes = new byte[2_500_000];
        new Random(603).nextBytes(bytes);
        Files.write(source, bytes);
        UploadEndpoint endpoint = server.addResumableUpload("/up");
        RemoteTransfers client = connect();
        HeardEvents heard = new HeardEvents();
        client.addListener(heard, Optional.empty());
        TransferSession session = client.session(SESSION, background());

        Transfer added = session.upload(UploadRequest.of(source, server.uri("/up")));
        TransferEvent.Completed completed = heard.awaitCompleted(added.id());

        assertEquals(TransferKind.UPLOAD, added.kind());
        assertEquals(sha256(source), endpoint.sha256(), "the server holds exactly the file's bytes");
        assertEquals(sha256(source), completed.transfer().sha256().orElseThrow());
        EventStory.assertConsistent(heard.events());
    }

    @Test
    void bandwidthLimitsSetThroughTheClientAreTheServices() {
        RemoteTransfers client = connect();
        Transfer added = client.add(TransferRequest.of(server.uri("/files/limited.bin"), folder));
        RateSchedule nights = RateSchedule.parse("1m 22:00-06:00=0");
        try {
            client.setRateLimit(added.id(), RateLimit.parse("200k"));
            client.setOverallLimit(nights);
            client.setHostLimit("Files.Example.org", RateLimit.of(5000));
            client.setSessionLimit("test.remote.limited", RateLimit.of(7000));

            assertEquals(RateLimit.of(204_800), fixture.service().rateLimit(added.id()));
            assertEquals(RateLimit.of(204_800), client.rateLimit(added.id()));
            assertEquals(nights, fixture.service().overallLimit());
            assertEquals(nights, client.overallLimit());
            assertEquals(Map.of("files.example.org", RateLimit.of(5000)), client.hostLimits());
            assertEquals(RateLimit.of(7000), fixture.service().sessionLimit("test.remote.limited"));
            assertEquals(RateLimit.of(7000), client.sessionLimit("test.remote.limited"));
            assertEquals(Map.of("test.remote.limited", RateLimit.of(7000)), client.sessionLimits());
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> client.setRateLimit(added.id() + 1000, RateLimit.of(1)));
            assertTrue(unknown.getMessage().contains("no transfer"), unknown.getMessage());
        } finally {
            fixture.service().setOverallLimit(RateSchedule.UNLIMITED);
            fixture.service().setHostLimit("files.example.org", RateLimit.UNLIMITED);
            fixture.service().setSessionLimit("test.remote.limited", RateLimit.UNLIMITED);
        }
    }

    @Test
    void theDefaultSessionAndTheOptionsAreTheServices() {
        RemoteTransfers client = connect();

        client.setOptions(TransferFixture.OPTIONS.withMaxConnectionsPerHost(3));
        Transfer added = client.add(TransferRequest.of(server.uri("/files/never.bin"), folder));

        assertEquals(3, fixture.service().options().maxConnectionsPerHost());
        assertEquals(fixture.service().options(), client.options());
        assertEquals(TransferSession.DEFAULT_IDENTIFIER, added.session());
        assertEquals(TransferState.CANCELLED, added.state());
        client.resetAll();
        assertEquals(Optional.empty(), fixture.service().get(added.id()));
    }

    @Test
    void aSessionsStartPauseStopAllAndResetActOnItsTransfersOnly() {
        TestFile file = server.addFile("/files/session.bin", 4_000_000, 604).throttle(500_000);
        Transfer other = fixture.service().add(TransferRequest.of(server.uri("/files/other.bin"), folder));
        RemoteTransfers client = connect();
        TransferSession session = client.session(SESSION, background().withDownloadFolder(folder));

        Transfer added = session.add(TransferRequest.of(server.uri(file.path()), folder));
        session.startAll();
        fixture.awaitBytes(added.id(), 1);
        session.pauseAll();
        fixture.awaitState(added.id(), TransferState.PAUSED);
        session.stopAll();
        fixture.awaitState(added.id(), TransferState.CANCELLED);
        assertEquals(List.of(added.id()), session.unfinished().stream().map(Transfer::id).toList());
        session.reset();

        assertEquals(List.of(), session.transfers());
        assertEquals(TransferState.CANCELLED, fixture.service().get(other.id()).orElseThrow().state(),
                "another session's transfer untouched");
        Transfer byUrl = session.download(server.uri("/files/by-url.bin"));
        assertEquals(folder, byUrl.destinationFolder(), "the session's download folder");
    }

    @Test
    void aRemoteSessionsDataTaskRunsInThisProcess() throws Exception {
        server.addContent("/api/items.json", "{\"items\":[]}".getBytes(), "application/json");
        RemoteTransfers client = connect();
        TransferSession session = client.session(SESSION, background());

        DataResponse answer = session.fetch(DataRequest.get(server.uri("/api/items.json"))).get();
        DataResponse byService = client.fetch(DataRequest.get(server.uri("/api/items.json"))).get();

        assertEquals(200, answer.status());
        assertEquals("{\"items\":[]}", answer.text());
        assertEquals("{\"items\":[]}", byService.text());
        assertEquals(List.of(), client.transfers(), "a data task is no transfer");
        session.invalidate();
        assertThrows(IllegalStateException.class, () -> session.fetch(DataRequest.get(URI.create("http://localhost/"))));
    }

    @AfterEach
    void forgetTheSession() {
        fixture.service().session(SESSION, background()).invalidate();
    }

    private static SessionConfiguration background() {
        return SessionConfiguration.of(SessionKind.BACKGROUND).withOptions(TransferFixture.OPTIONS);
    }
}
