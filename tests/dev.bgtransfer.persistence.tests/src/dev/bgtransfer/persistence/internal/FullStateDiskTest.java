package dev.bgtransfer.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.bgtransfer.junit.TransferFixture.sha256;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.SmallDisk;
import dev.bgtransfer.junit.TestFile;

/**
 * The state folder (the store) on a real small disk that fills up while a transfer runs, the
 * downloads on another: the transfer completes all the same, a new one is refused with a sentence
 * and nothing added, and the store records what happened once there is room again. Mounting the
 * disk needs root; elsewhere the test reports itself skipped.
 */
class FullStateDiskTest extends ServiceTest {
    private static final String STATE_FOLDER = "dev.bgtransfer.state";
    private static final long MB = 1_000_000;

    private SmallDisk disk;
    private String stateFolderBefore; // the test runtime's own, given by its build

    @BeforeEach
    void storeOnASmallDisk() throws Exception {
        disk = SmallDisk.mount("size=4m");
        stateFolderBefore = System.getProperty(STATE_FOLDER);
        System.setProperty(STATE_FOLDER, disk.root().resolve("state").toString());
        restartStoreAndService();
    }

    @AfterEach
    void storeBackWhereItWas() throws Exception {
        if (disk == null) {
            return; // not mounted: skipped
        }
        if (stateFolderBefore == null) {
            System.clearProperty(STATE_FOLDER);
        } else {
            System.setProperty(STATE_FOLDER, stateFolderBefore);
        }
        restartStoreAndService();
        disk.close();
    }

    @Test
    void aTransferCompletesWhileTheStoresDiskIsFullAndTheStoreCatchesUpOnceThereIsRoom() throws Exception {
        TestFile file = server.addFile("/files/full-state.bin", 6 * MB, 141).throttle(3 * MB);
        TestFile later = server.addFile("/files/later.bin", 100_000, 142);
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitBytes(started.id(), MB);

        Path filler = disk.fill();
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);

        assertEquals(file.sha256(), sha256(done.file().orElseThrow()), "completed, with its bytes");
        assertEquals(TransferState.COMPLETED, fixture.service().get(started.id()).orElseThrow().state(),
                "the service answers with the state the store has not taken yet");
        int before = fixture.service().transfers().size();
        UncheckedIOException refused = assertThrows(UncheckedIOException.class,
                () -> fixture.service().download(TransferRequest.of(server.uri(later.path()), folder)));
        assertTrue(refused.getMessage().contains("is full. Free some space on it."), refused.getMessage());
        assertTrue(refused.getMessage().contains(disk.root().resolve("state").toString()), refused.getMessage());
        assertEquals(before, fixture.service().transfers().size(), "nothing was added");

        Files.delete(filler);
        Transfer next = fixture.service().download(TransferRequest.of(server.uri(later.path()), folder));
        fixture.awaitState(next.id(), TransferState.COMPLETED);
        restartStoreAndService();

        Transfer stored = fixture.service().get(started.id()).orElseThrow();
        assertEquals(TransferState.COMPLETED, stored.state(), "the store took the state it refused before");
        assertEquals(file.sha256(), stored.sha256().orElseThrow());
        assertEquals(TransferState.COMPLETED, fixture.service().get(next.id()).orElseThrow().state());
    }

    /** As at a quit and the next start, with the state folder the property names now. */
    private static void restartStoreAndService() throws BundleException {
        Bundle core = FrameworkUtil.getBundle(TransferService.class);
        Bundle store = FrameworkUtil.getBundle(SqliteTransferStore.class);
        core.stop();
        store.stop();
        store.start(Bundle.START_ACTIVATION_POLICY);
        core.start(Bundle.START_ACTIVATION_POLICY);
    }
}
