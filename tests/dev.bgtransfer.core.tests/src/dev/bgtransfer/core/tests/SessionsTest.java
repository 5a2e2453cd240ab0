package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferListener;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;

/**
 * Sessions as a plug-in uses them: each its own transfers, its all-at-once operations and reset
 * touching only those and only the files it wrote, its own listeners, options and announcements,
 * and the service's per-host limit over all of them together.
 */
class SessionsTest extends ServiceTest {
    private static final long RATE = 500_000;

    private final List<TransferSession> opened = new ArrayList<>();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @AfterEach
    void invalidateSessions() {
        registrations.forEach(ServiceRegistration::unregister);
        opened.forEach(TransferSession::invalidate);
    }

    @Test
    void aSessionsResetLeavesAnotherSessionsTransfersAndFilesAlone() throws Exception {
        TransferSession mine = open("test.mine", SessionConfiguration.of(SessionKind.DEFAULT));
        TransferSession theirs = open("test.theirs", SessionConfiguration.of(SessionKind.DEFAULT));
        Path myFolder = Files.createDirectory(folder.resolve("mine"));
        Path theirFolder = Files.createDirectory(folder.resolve("theirs"));
        TestFile file = server.addFile("/files/shared.bin", 200_000, 501);
        Transfer myTransfer = mine.download(TransferRequest.of(server.uri(file.path()), myFolder));
        Transfer theirTransfer = theirs.download(TransferRequest.of(server.uri(file.path()), theirFolder));
        Path myFile = fixture.awaitState(myTransfer.id(), TransferState.COMPLETED).file().orElseThrow();
        Path theirFile = fixture.awaitState(theirTransfer.id(), TransferState.COMPLETED).file().orElseThrow();

        mine.reset();

        assertFalse(Files.exists(myFile), "the session's own file goes");
        assertEquals(file.sha256(), sha256(theirFile), "the other session's file stays whole");
        assertEquals(List.of(), mine.transfers());
        assertEquals(List.of(theirTransfer.id()), theirs.transfers().stream().map(Transfer::id).toList());
        assertTrue(fixture.service().get(theirTransfer.id()).isPresent());
        assertEquals("test.theirs", theirs.transfers().getFirst().session());
    }

    @Test
    void pauseAllAndStopAllTouchOnlyTheirSessionAndTheServicesOnlyTheDefault() throws Exception {
        TransferSession mine = open("test.mine", SessionConfiguration.of(SessionKind.DEFAULT));
        TestFile slow = server.addFile("/files/slow.bin", 3_000_000, 502).throttle(RATE);
        Transfer myTransfer = mine.download(TransferRequest.of(server.uri(slow.path()), folder));
        Transfer defaults = fixture.service().download(TransferRequest.of(server.uri(slow.path()), folder));
        fixture.awaitBytes(myTransfer.id(), 10_000);
        fixture.awaitBytes(defaults.id(), 10_000);

        fixture.service().pauseAll();
        fixture.awaitState(defaults.id(), TransferState.PAUSED);
        assertEquals(TransferState.RUNNING, state(myTransfer), "the service's pauseAll is the default session's");

        mine.pauseAll();
        fixture.awaitState(myTransfer.id(), TransferState.PAUSED);
        mine.startAll();
        fixture.awaitState(myTransfer.id(), TransferState.RUNNING);
        assertEquals(TransferState.PAUSED, state(defaults), "the session's startAll left the default alone");

        mine.stopAll();
        fixture.awaitState(myTransfer.id(), TransferState.CANCELLED);
        fixture.service().resetAll();
        assertEquals(TransferState.CANCELLED, state(myTransfer), "the service's reset is the default session's");
        assertTrue(fixture.service().get(defaults.id()).isEmpty());
    }

    @Test
    void aListenerOfOneSessionHearsOnlyThatSession() throws Exception {
        TransferSession mine = open("test.mine", SessionConfiguration.of(SessionKind.DEFAULT));
        List<TransferEvent> heard = listen("test.mine");
        TestFile file = server.addFile("/files/heard.bin", 50_000, 503);
        Transfer myTransfer = mine.download(TransferRequest.of(server.uri(file.path()), folder));
        Transfer other = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitState(other.id(), TransferState.COMPLETED);
        fixture.awaitState(myTransfer.id(), TransferState.COMPLETED);
        TransferFixture.awaitTrue("the session's all finished",
                () -> heard.stream().anyMatch(TransferEvent.AllFinished.class::isInstance));

        assertTrue(heard.stream().allMatch(event -> event.session().equals("test.mine")), heard.toString());
        assertTrue(heard.stream().anyMatch(event -> event instanceof TransferEvent.Completed completed
                && completed.transfer().id() == myTransfer.id()));
        TransferEvent.AllFinished finished = (TransferEvent.AllFinished) heard.stream()
                .filter(TransferEvent.AllFinished.class::isInstance).findFirst().orElseThrow();
        assertEquals(List.of(myTransfer.id()), finished.completed().stream().map(Transfer::id).toList(),
                "all finished is per session");
    }

    @Test
    void aSessionThatDoesNotAnnounceAllFinishedIsNotAnnounced() throws Exception {
        TransferSession quiet = open("test.quiet", SessionConfiguration.of(SessionKind.DEFAULT)
                .withAllFinishedAnnounced(false));
        TestFile file = server.addFile("/files/quiet.bin", 50_000, 504);
        Transfer transfer = quiet.download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitState(transfer.id(), TransferState.COMPLETED);
        Transfer loud = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitEvent(TransferEvent.AllFinished.class, finished -> finished.session()
                .equals(TransferSession.DEFAULT_IDENTIFIER));

        assertEquals(List.of(TransferSession.DEFAULT_IDENTIFIER), fixture.events(TransferEvent.AllFinished.class)
                .stream().map(TransferEvent.AllFinished::session).toList(), "only the default session's, " + loud);
    }

    @Test
    void theServicesPerHostLimitHoldsOverAllSessionsAndEachSessionKeepsItsOwn() throws Exception {
        fixture.service().setOptions(fixture.service().options().withMaxConnectionsPerHost(3));
        TransferSession narrow = open("test.narrow", SessionConfiguration.of(SessionKind.DEFAULT)
                .withOptions(TransferFixture.OPTIONS.withMaxConnectionsPerHost(1)));
        TransferSession wide = open("test.wide", SessionConfiguration.of(SessionKind.DEFAULT)
                .withOptions(TransferFixture.OPTIONS.withMaxConnectionsPerHost(10)));
        List<Transfer> narrowOnes = new ArrayList<>();
        List<Transfer> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TestFile a = server.addFile("/files/narrow-" + i + ".bin", 150_000, 510 + i).throttle(RATE);
            TestFile b = server.addFile("/files/wide-" + i + ".bin", 150_000, 520 + i).throttle(RATE);
            Transfer n = narrow.download(TransferRequest.of(server.uri(a.path()), folder));
            narrowOnes.add(n);
            all.add(n);
            all.add(wide.download(TransferRequest.of(server.uri(b.path()), folder)));
        }
        int peakNarrow = 0;
        long deadline = System.nanoTime() + TransferFixture.TIMEOUT.toNanos();
        while (all.stream().anyMatch(transfer -> state(transfer) != TransferState.COMPLETED)) {
            peakNarrow = Math.max(peakNarrow,
                    (int) narrowOnes.stream().filter(transfer -> state(transfer) == TransferState.RUNNING).count());
            assertTrue(System.nanoTime() < deadline, "every transfer completes within " + TransferFixture.TIMEOUT);
            TransferFixture.sleep(5);
        }

        assertEquals(3, server.peakConcurrentRequests(), "three at the server at once, over both sessions");
        assertEquals(1, peakNarrow, "the narrow session never ran two at once");
    }

    @Test
    void eachSessionRunsUnderItsOwnOptions() throws Exception {
        TransferSession patient = open("test.patient", SessionConfiguration.of(SessionKind.DEFAULT)
                .withOptions(TransferFixture.OPTIONS.withRetries(3, Duration.ofMillis(10))));
        TransferSession impatient = open("test.impatient", SessionConfiguration.of(SessionKind.DEFAULT)
                .withOptions(TransferFixture.OPTIONS.withRetries(0, Duration.ofMillis(10))));
        server.addStatus("/files/patient.bin", 503);
        server.addStatus("/files/impatient.bin", 503);

        Transfer retried = patient.download(TransferRequest.of(server.uri("/files/patient.bin"), folder));
        Transfer once = impatient.download(TransferRequest.of(server.uri("/files/impatient.bin"), folder));
        fixture.awaitState(retried.id(), TransferState.FAILED);
        fixture.awaitState(once.id(), TransferState.FAILED);

        assertEquals(4, server.requests("/files/patient.bin").size(), "the first request and three retries");
        assertEquals(1, server.requests("/files/impatient.bin").size(), "no retry");
        assertEquals(0, impatient.configuration().options().maxRetries());
    }

    @Test
    void askedForAgainASessionHasItsTransfersAndItsNewConfiguration() {
        TransferSession first = open("test.again", SessionConfiguration.of(SessionKind.DEFAULT));
        Transfer added = first.add(TransferRequest.of(server.uri("/files/later.bin"), folder));

        TransferSession again = open("test.again", SessionConfiguration.of(SessionKind.BACKGROUND));

        assertEquals(List.of(added.id()), again.transfers().stream().map(Transfer::id).toList());
        assertEquals(SessionKind.BACKGROUND, again.configuration().kind());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> fixture.service().session("test.again", SessionConfiguration.of(SessionKind.EPHEMERAL)));
        assertTrue(refused.getMessage().contains("test.again"), refused.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> fixture.service().session(" ", SessionConfiguration.of(SessionKind.DEFAULT)));
    }

    @Test
    void anInvalidatedSessionStopsItsTransfersKeepsItsFilesAndTakesNoMore() throws Exception {
        TransferSession ending = open("test.ending", SessionConfiguration.of(SessionKind.DEFAULT));
        TestFile done = server.addFile("/files/done.bin", 50_000, 530);
        TestFile slow = server.addFile("/files/running.bin", 3_000_000, 531).throttle(RATE);
        Transfer completed = ending.download(TransferRequest.of(server.uri(done.path()), folder));
        Path file = fixture.awaitState(completed.id(), TransferState.COMPLETED).file().orElseThrow();
        Transfer running = ending.download(TransferRequest.of(server.uri(slow.path()), folder));
        fixture.awaitBytes(running.id(), 10_000);

        ending.invalidate();

        TransferFixture.awaitTrue("no partial file left", () -> partFiles().isEmpty());
        assertEquals(done.sha256(), sha256(file), "a completed file stays");
        assertTrue(fixture.service().get(running.id()).isEmpty());
        assertTrue(fixture.service().get(completed.id()).isEmpty());
        assertThrows(IllegalStateException.class,
                () -> ending.add(TransferRequest.of(server.uri(done.path()), folder)));
        assertEquals(List.of(), open("test.ending", SessionConfiguration.of(SessionKind.DEFAULT)).transfers());
    }

    @Test
    void anEphemeralSessionsTransfersAreListedButGoneOnceInvalidated() throws Exception {
        TransferSession ephemeral = fixture.service().session("test.ephemeral",
                SessionConfiguration.of(SessionKind.EPHEMERAL));
        TestFile file = server.addFile("/files/ephemeral.bin", 50_000, 540);
        Transfer transfer = ephemeral.download(TransferRequest.of(server.uri(file.path()), folder));
        Path done = fixture.awaitState(transfer.id(), TransferState.COMPLETED).file().orElseThrow();

        assertEquals(List.of(transfer.id()), ephemeral.transfers().stream().map(Transfer::id).toList());
        assertTrue(fixture.service().get(transfer.id()).isPresent(), "found by id while the session lives");
        ephemeral.invalidate();
        assertTrue(fixture.service().get(transfer.id()).isEmpty());
        assertEquals(file.sha256(), sha256(done));
    }

    @Test
    void aSessionWithADownloadFolderTakesAUrlAlone() throws Exception {
        Path own = Files.createDirectory(folder.resolve("own"));
        TransferSession withFolder = open("test.folder", SessionConfiguration.of(SessionKind.DEFAULT)
                .withDownloadFolder(own));
        TransferSession without = open("test.nofolder", SessionConfiguration.of(SessionKind.DEFAULT));
        TestFile file = server.addFile("/files/into-own.bin", 20_000, 550);

        Transfer done = fixture.awaitState(withFolder.download(server.uri(file.path())).id(), TransferState.COMPLETED);

        assertEquals(own.resolve("into-own.bin"), done.file().orElseThrow());
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> without.download(server.uri(file.path())));
        assertTrue(refused.getMessage().contains("no download folder"), refused.getMessage());
    }

    @Test
    void anEphemeralSessionLeavesNoPartialFileWhenTheServiceStops() throws Exception {
        TransferSession ephemeral = fixture.service().session("test.ephemeral.stopping",
                SessionConfiguration.of(SessionKind.EPHEMERAL));
        TestFile slow = server.addFile("/files/cut.bin", 3_000_000, 560).throttle(RATE);
        TestFile queued = server.addFile("/files/paused.bin", 3_000_000, 561).throttle(RATE);
        Transfer running = ephemeral.download(TransferRequest.of(server.uri(slow.path()), folder));
        Transfer paused = ephemeral.download(TransferRequest.of(server.uri(queued.path()), folder));
        fixture.awaitBytes(running.id(), 10_000);
        fixture.awaitBytes(paused.id(), 10_000);
        fixture.service().pause(paused.id());
        fixture.awaitState(paused.id(), TransferState.PAUSED);
        assertEquals(2, partFiles().size(), "both have partial files while the service runs");

        TransferFixture.restartService();

        assertEquals(List.of(), partFiles(), "nothing of the ephemeral session outlives its service");
        assertTrue(fixture.service().get(running.id()).isEmpty());
        assertTrue(fixture.service().get(paused.id()).isEmpty());
    }

    private TransferSession open(String identifier, SessionConfiguration configuration) {
        TransferSession session = fixture.service().session(identifier, configuration);
        opened.add(session);
        return session;
    }

    private List<TransferEvent> listen(String session) {
        BundleContext context = FrameworkUtil.getBundle(SessionsTest.class).getBundleContext();
        List<TransferEvent> heard = new CopyOnWriteArrayList<>();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(TransferListener.SESSION, session);
        registrations.add(context.registerService(TransferListener.class, heard::add, properties));
        return heard;
    }

    private List<Path> partFiles() {
        try {
            return TransferFixture.partFiles(folder);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private TransferState state(Transfer transfer) {
        return fixture.service().get(transfer.id()).orElseThrow().state();
    }
}
