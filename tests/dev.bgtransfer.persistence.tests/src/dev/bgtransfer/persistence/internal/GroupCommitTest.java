package dev.bgtransfer.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.sqlite.JDBC;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferListener;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.core.spi.TransferStore;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;

/**
 * Group commits through the real service and its SQLite store: while the store is busy with one
 * commit, the changes of many transfers wait, their Jobs go on to the point where a change must be
 * stored (no partial file before the record naming it is committed), and the waiting changes then go
 * to the store together, in one transaction. A call returns, and a listener hears of a change, only
 * once it is committed.
 */
class GroupCommitTest extends ServiceTest {
    private static final int TRANSFERS = 5;
    private static final long SIZE = 64 * 1024;

    @Test
    void changesOfTransfersThatWaitedForABusyStoreAreCommittedTogether() throws Exception {
        SqliteTransferStore store = sqliteStore();
        List<TestFile> files = new ArrayList<>();
        List<Transfer> added = new ArrayList<>();
        for (int i = 0; i < TRANSFERS; i++) {
            // two seconds of body each: the names of the partial files are stored long before the final names
            TestFile file = server.addFile("/group/f" + i + ".bin", SIZE, 300 + i).throttle(SIZE / 2);
            files.add(file);
            added.add(fixture.service().add(TransferRequest.of(server.uri(file.path()), folder)));
        }

        // what a listener finds in the database file, through a connection of its own, as it hears of a completion
        Map<Long, TransferState> storedWhenHeard = new ConcurrentHashMap<>();
        BundleContext context = FrameworkUtil.getBundle(GroupCommitTest.class).getBundleContext();
        ServiceRegistration<TransferListener> listening = context.registerService(TransferListener.class, event -> {
            if (event instanceof TransferEvent.Completed completed) {
                storedWhenHeard.put(completed.transfer().id(), storedState(store, completed.transfer().id()));
            }
        }, null);

        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        long before = store.transactions();
        Thread holder = Thread.ofPlatform().name("holds the store").start(() -> {
            synchronized (store) { // as a long commit would
                held.countDown();
                awaitQuietly(release);
            }
        });
        held.await();
        // returns once the starts are stored: on a thread of its own, as the store is held
        Thread starter = Thread.ofPlatform().name("starts all").start(() -> fixture.service().startAll());
        try {
            TransferFixture.awaitTrue("every Job asks its server while the store is busy",
                    () -> server.requests().size() == TRANSFERS);
            // each Job now waits until the record naming its partial file is committed
            TransferFixture.sleep(300);
            assertEquals(List.of(), TransferFixture.partFiles(folder),
                    "a partial file was created before the record naming it was committed");
            assertTrue(starter.isAlive(), "startAll returned before its changes were committed");
        } finally {
            release.countDown();
        }
        holder.join();
        TransferFixture.awaitTrue("the partial files are created once their names are stored",
                () -> partFiles().size() == TRANSFERS);
        long committed = store.transactions() - before;
        starter.join(TimeUnit.SECONDS.toMillis(10));

        // the first waiter's batch held what was queued when it began; every change after it, the next batch
        assertTrue(committed <= 2, "the starts and partial file names of " + TRANSFERS + " transfers took "
                + committed + " transactions, not one batch after the first");
        for (int i = 0; i < TRANSFERS; i++) {
            Transfer done = fixture.awaitState(added.get(i).id(), TransferState.COMPLETED);
            assertEquals(files.get(i).sha256(), TransferFixture.sha256(done.file().orElseThrow()));
            TransferRecord stored = store.load(done.id()).orElseThrow();
            assertEquals(TransferState.COMPLETED, stored.state());
            assertEquals(files.get(i).sha256(), stored.sha256());
        }
        TransferFixture.awaitTrue("every completion heard", () -> storedWhenHeard.size() == TRANSFERS);
        listening.unregister();
        storedWhenHeard.forEach((id, state) -> assertEquals(TransferState.COMPLETED, state,
                "transfer " + id + " was announced completed before it was stored so"));
    }

    /** @return the state of transfer {@code id} in the database file, read through another connection */
    private static TransferState storedState(SqliteTransferStore store, long id) {
        try (Connection other = JDBC.createConnection(JDBC.PREFIX + store.databaseFile(), new Properties());
                PreparedStatement query = other.prepareStatement("SELECT state FROM transfers WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? TransferState.valueOf(row.getString(1)) : null;
            }
        } catch (SQLException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private List<Path> partFiles() {
        try {
            return TransferFixture.partFiles(folder);
        } catch (IOException raced) {
            return List.of();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the store the service writes, the one registered by this bundle */
    private static SqliteTransferStore sqliteStore() {
        BundleContext context = FrameworkUtil.getBundle(SqliteTransferStore.class).getBundleContext();
        ServiceReference<TransferStore> reference = context.getServiceReference(TransferStore.class);
        return ((SqliteTransferStoreComponent) context.getService(reference)).store();
    }
}
