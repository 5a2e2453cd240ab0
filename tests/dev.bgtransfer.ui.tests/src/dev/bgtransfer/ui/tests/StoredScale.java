package dev.bgtransfer.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.junit.TransferFixture;
import dev.bgtransfer.ui.internal.view.ViewDriver;

/**
 * How the service start, the view's opening and the heap grow with the stored history: a number of
 * completed transfers written into the real SQLite store, then the store and the service started
 * again as the next start of the application would, then the Downloads view opened on them. Prints
 * the figures with their targets (issue 16's scale part); asserts only that the rows are there.
 */
final class StoredScale {
    private final TransferFixture fixture;
    private final int stored;

    private StoredScale(TransferFixture fixture, int stored) {
        this.fixture = fixture;
        this.stored = stored;
    }

    static void measure(TransferFixture fixture, int stored) throws Exception {
        new StoredScale(fixture, stored).measure();
    }

    private void measure() throws Exception {
        startWithANewDatabase();
        ViewDriver view = ViewDriver.open();
        view.waitForRows(0);
        long heapEmpty = BenchmarkFigures.heapAfterGc();
        ViewDriver.close();

        long filling = System.nanoTime();
        StoredHistory.fill(StoredHistory.sqliteStore(), stored);
        filling = System.nanoTime() - filling;

        stopServiceAndStore();
        long storeStart = System.nanoTime();
        startStoreAndService();
        int firstPage = fixture.service().transfers(0, 100).size();
        long firstPageNanos = System.nanoTime() - storeStart;
        long idsNanos = System.nanoTime();
        int restored = fixture.service().ids().length;
        long serviceStart = System.nanoTime() - storeStart;
        idsNanos = System.nanoTime() - idsNanos;
        assertEquals(Math.min(100, stored), firstPage, "the first page");
        assertEquals(stored, restored, "transfers the restarted service restored");

        long coreOnly = System.nanoTime();
        TransferFixture.restartService();
        fixture.service().ids();
        coreOnly = System.nanoTime() - coreOnly;
        long heapService = BenchmarkFigures.heapAfterGc();

        ViewOpening opening = ViewOpening.measure(stored);
        ViewDriver opened = opening.view();
        assertEquals(StoredHistory.title(1), opened.cell(0, ViewDriver.TITLE));
        assertEquals("Ready", opened.cell(0, ViewDriver.CONTROLS));
        Ui.screenshot(Ui.page().getWorkbenchWindow().getShell(), String.format(Locale.ROOT,
                "benchmark-%d-transfers", stored));
        long heapWithView = BenchmarkFigures.heapAfterGc();
        int rowsHeld = opened.heldRows();
        ViewDriver.close();
        long databaseBytes = databaseBytes();
        forgetHistory();

        BenchmarkFigures.line(String.format(Locale.ROOT, "%,d completed transfers in the SQLite store:", stored));
        BenchmarkFigures.print("filling the store through TransferStore.save", BenchmarkFigures.millis(filling),
                "(none)");
        BenchmarkFigures.print("database size (transfers.db and its WAL)",
                String.format(Locale.ROOT, "%.1f MiB", databaseBytes / (double) (1 << 20)), "(none)");
        BenchmarkFigures.print("service start (store bundle start to first page)",
                BenchmarkFigures.millis(firstPageNanos), "< 1000 ms");
        BenchmarkFigures.print("service start (store bundle start to ids())", BenchmarkFigures.millis(serviceStart),
                "< 1000 ms");
        BenchmarkFigures.print("  of which ids()", BenchmarkFigures.millis(idsNanos), "(for comparison)");
        BenchmarkFigures.print("  service start, store already open (core bundle to ids())",
                BenchmarkFigures.millis(coreOnly), "(for comparison)");
        opening.print();
        BenchmarkFigures.print("  a bare SWT.VIRTUAL table: setItemCount, then to idle",
                BareVirtualTable.measure(stored), "(the toolkit's floor)");
        BenchmarkFigures.print("rows the view holds (the rest is an id each)",
                String.format(Locale.ROOT, "%,d", rowsHeld), "the rows shown");
        BenchmarkFigures.print("heap after GC, empty store, view open", BenchmarkFigures.mebibytes(heapEmpty),
                "(baseline)");
        BenchmarkFigures.print(String.format(Locale.ROOT, "heap after GC, %,d stored, view open", stored),
                BenchmarkFigures.mebibytes(heapWithView), "proportional to rows shown");
        BenchmarkFigures.print("  per stored transfer, service and view", perTransfer(heapWithView - heapEmpty),
                "about zero");
        BenchmarkFigures.print("  per stored transfer, the service (view not open yet)",
                perTransfer(heapService - heapEmpty), "about zero");
        BenchmarkFigures.print("  per stored transfer, the view", perTransfer(heapWithView - heapService),
                "about zero");
    }

    /** Deleted rows leave their pages in the file: each size starts from a file of its own. */
    private static void startWithANewDatabase() throws BundleException, IOException {
        stopServiceAndStore();
        for (String name : new String[] { "transfers.db", "transfers.db-wal", "transfers.db-shm" }) {
            Files.deleteIfExists(stateFolder().resolve(name));
        }
        startStoreAndService();
    }

    /** As the application's exit would: the service first, then the store it uses. */
    private static void stopServiceAndStore() throws BundleException {
        bundleOf(TransferService.class).stop();
        bundleOf("dev.bgtransfer.persistence").stop();
    }

    private static void startStoreAndService() throws BundleException {
        bundleOf("dev.bgtransfer.persistence").start(Bundle.START_ACTIVATION_POLICY);
        bundleOf(TransferService.class).start(Bundle.START_ACTIVATION_POLICY);
    }

    private static Bundle bundleOf(Class<?> type) {
        return FrameworkUtil.getBundle(type);
    }

    private static Bundle bundleOf(String symbolicName) {
        // the test bundle's context: a stopped bundle has none
        for (Bundle bundle : bundleOf(StoredScale.class).getBundleContext().getBundles()) {
            if (bundle.getSymbolicName().equals(symbolicName)) {
                return bundle;
            }
        }
        throw new IllegalStateException("no bundle " + symbolicName);
    }

    private static long databaseBytes() throws IOException {
        Path state = stateFolder();
        long bytes = 0;
        for (String name : new String[] { "transfers.db", "transfers.db-wal" }) {
            Path file = state.resolve(name);
            bytes += Files.exists(file) ? Files.size(file) : 0;
        }
        return bytes;
    }

    private static Path stateFolder() {
        return Path.of(System.getProperty("dev.bgtransfer.state"));
    }

    /** Through the store, not the service: its Reset would read every row of the history first. */
    private static void forgetHistory() {
        StoredHistory.sqliteStore().clear();
        TransferFixture.restartService();
    }

    private String perTransfer(long bytes) {
        return String.format(Locale.ROOT, "%,d bytes", bytes / stored);
    }
}
