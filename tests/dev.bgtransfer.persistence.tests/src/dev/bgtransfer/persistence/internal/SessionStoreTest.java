package dev.bgtransfer.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.bgtransfer.junit.TransferFixture.sha256;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferKind;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.UploadRequest;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.core.spi.TransferStore;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;
import dev.bgtransfer.junit.UploadEndpoint;

/**
 * Sessions over the real SQLite store: a stored session's transfers come back under its identifier
 * after a restart; an ephemeral one's never reach the database.
 */
class SessionStoreTest extends ServiceTest {
    private static final String STORED = "test.stored";
    private static final String EPHEMERAL = "test.ephemeral";

    @AfterEach
    void forgetSessions() {
        fixture.service().session(STORED, SessionConfiguration.of(SessionKind.DEFAULT)).invalidate();
        fixture.service().session(EPHEMERAL, SessionConfiguration.of(SessionKind.EPHEMERAL)).invalidate();
    }

    @Test
    void askedForAfterARestartAStoredSessionHasItsTransfersWithTheirState() throws Exception {
        TransferSession session = fixture.service().session(STORED, SessionConfiguration.of(SessionKind.BACKGROUND));
        TestFile file = server.addFile("/files/kept.bin", 100_000, 601);
        Transfer completed = session.download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitState(completed.id(), TransferState.COMPLETED);
        Transfer waiting = session.add(TransferRequest.of(server.uri(file.path()), folder));
        Path source = Files.write(folder.resolve("sent.bin"), file.bytes());
        UploadEndpoint endpoint = server.addResumableUpload("/up");
        Transfer uploaded = session.upload(UploadRequest.of(source, server.uri("/up")));
        fixture.awaitState(uploaded.id(), TransferState.COMPLETED);

        TransferFixture.restartService();
        TransferSession again = fixture.service().session(STORED, SessionConfiguration.of(SessionKind.BACKGROUND));

        assertEquals(List.of(completed.id(), waiting.id(), uploaded.id()),
                again.transfers().stream().map(Transfer::id).toList());
        assertEquals(List.of(TransferState.COMPLETED, TransferState.CANCELLED, TransferState.COMPLETED),
                again.transfers().stream().map(Transfer::state).toList());
        Transfer upload = again.transfers().getLast();
        assertEquals(List.of(TransferKind.DOWNLOAD, TransferKind.DOWNLOAD, TransferKind.UPLOAD),
                again.transfers().stream().map(Transfer::kind).toList());
        assertEquals(file.sha256(), endpoint.sha256());
        assertEquals(file.sha256(), upload.sha256().orElseThrow());
        assertEquals(source, upload.file().orElseThrow());
        assertEquals(List.of(waiting.id()), again.unfinished().stream().map(Transfer::id).toList());
        assertEquals(file.sha256(), sha256(again.transfers().getFirst().file().orElseThrow()));
        assertTrue(fixture.service().unfinished().stream().noneMatch(transfer -> transfer.id() == completed.id()));
    }

    @Test
    void aStoredSessionsConfigurationHoldsAfterARestartBeforeAnyoneAsksForIt() throws Exception {
        TransferSession session = fixture.service().session(STORED, SessionConfiguration.of(SessionKind.BACKGROUND)
                .withOptions(TransferFixture.OPTIONS.withMaxConnectionsPerHost(1)));
        TestFile first = server.addFile("/files/one-at-a-time-1.bin", 1_000_000, 603).throttle(500_000);
        TestFile second = server.addFile("/files/one-at-a-time-2.bin", 1_000_000, 604).throttle(500_000);
        Transfer running = session.download(TransferRequest.of(server.uri(first.path()), folder));
        Transfer waiting = session.download(TransferRequest.of(server.uri(second.path()), folder));
        fixture.awaitBytes(running.id(), 1);

        TransferFixture.restartService();
        fixture.awaitBytes(running.id(), 1);

        assertEquals(TransferState.QUEUED, fixture.service().get(waiting.id()).orElseThrow().state(),
                "the session's one connection per host, not the service's five");
        fixture.awaitState(running.id(), TransferState.COMPLETED);
        fixture.awaitState(waiting.id(), TransferState.COMPLETED);
        assertEquals(SessionKind.BACKGROUND, storedSessions().get(STORED).kind());
        fixture.service().session(STORED, SessionConfiguration.of(SessionKind.DEFAULT)).invalidate();
        assertFalse(storedSessions().containsKey(STORED), "an invalidated session's configuration goes");
    }

    @Test
    void anEphemeralSessionsTransfersNeverReachTheDatabase() throws Exception {
        TransferSession session = fixture.service().session(EPHEMERAL, SessionConfiguration.of(SessionKind.EPHEMERAL));
        TestFile file = server.addFile("/files/fleeting.bin", 100_000, 602);
        Transfer done = session.download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitState(done.id(), TransferState.COMPLETED);
        Transfer paused = session.add(TransferRequest.of(server.uri(file.path()), folder));
        Path source = Files.write(folder.resolve("sent.bin"), file.bytes());
        server.addResumableUpload("/up");
        Transfer uploaded = session.upload(UploadRequest.of(source, server.uri("/up")));
        fixture.awaitState(uploaded.id(), TransferState.COMPLETED);
        Transfer stored = fixture.service().add(TransferRequest.of(server.uri(file.path()), folder));

        assertEquals(List.of(done.id(), paused.id(), uploaded.id()),
                session.transfers().stream().map(Transfer::id).toList());
        assertEquals(List.of(stored.id()), storedRecords().stream().map(TransferRecord::id).toList(),
                "only the default session's transfer has a row in the SQLite file");
        TransferFixture.restartService();
        assertTrue(fixture.service().get(done.id()).isEmpty(), "nothing left after the process");
        assertEquals(List.of(), fixture.service().session(EPHEMERAL, SessionConfiguration.of(SessionKind.EPHEMERAL))
                .transfers());
    }

    /** @return what the SQLite store (the registered {@link TransferStore} service) holds */
    private static List<TransferRecord> storedRecords() {
        return fromStore(TransferStore::loadAll);
    }

    /** @return the session configurations the SQLite store holds */
    private static Map<String, SessionConfiguration> storedSessions() {
        return fromStore(TransferStore::loadSessions);
    }

    private static <T> T fromStore(Function<TransferStore, T> read) {
        BundleContext context = FrameworkUtil.getBundle(SessionStoreTest.class).getBundleContext();
        ServiceReference<TransferStore> reference = context.getServiceReference(TransferStore.class);
        try {
            return read.apply(context.getService(reference));
        } finally {
            context.ungetService(reference);
        }
    }
}
