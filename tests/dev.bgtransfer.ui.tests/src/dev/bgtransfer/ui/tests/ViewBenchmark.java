package dev.bgtransfer.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestHttpServer;
import dev.bgtransfer.junit.TransferFixture;
import dev.bgtransfer.ui.internal.view.ViewDriver;

/**
 * The figures of issue 7 that need a real workbench and a real store: the UI thread's busy share
 * and the progress events per transfer while five transfers run at full speed in the Downloads view,
 * and how the service start, the view's opening and the heap grow with 10,000 and 1,000,000 stored
 * transfers ({@link StoredScale}).
 * <p>
 * Not part of the normal test run (surefire's default includes skip this name): benchmarks/run
 * runs it with the Maven profile {@code benchmark}, which adds the SQLite store to the runtime.
 * It asserts only that the work happened; the figures go to {@link BenchmarkFigures} with their
 * targets beside them.
 */
class ViewBenchmark {
    private static final int PARALLEL = 5;
    private static final long LARGE = 4L << 30;
    private static final long WARM_UP_MILLIS = 1_000;
    private static final long WINDOW_MILLIS = 5_000;
    /** The sizes of stored history to measure, comma-separated. */
    static final String STORED_PROPERTY = "dev.bgtransfer.benchmark.stored";

    private TransferFixture fixture;
    @TempDir
    Path folder;

    @BeforeEach
    void resetService() {
        fixture = new TransferFixture();
    }

    @AfterEach
    void resetServiceAgain() {
        ViewDriver.close();
        fixture.close();
    }

    @Test
    void fiveFullSpeedTransfersInTheOpenView() throws Exception {
        try (TestHttpServer server = TestHttpServer.start();
                ProgressCounter progress = new ProgressCounter().listen()) {
            ViewDriver view = ViewDriver.open();
            view.waitForRows(0);
            runEventLoop(WARM_UP_MILLIS);
            Window idle = Window.measure(view, List.of(), progress, fixture);

            List<Long> ids = new ArrayList<>();
            for (int i = 1; i <= PARALLEL; i++) {
                String path = "/large-" + i + ".bin";
                server.addFile(path, LARGE, 100 + i);
                ids.add(fixture.service().download(TransferRequest.of(server.uri(path), folder)).id());
            }
            view.waitForRows(PARALLEL);
            Ui.waitUntil("all five running on screen", () -> view.column(ViewDriver.CONTROLS).stream()
                    .allMatch("Pause, Stop"::equals) && Window.bytes(ids, fixture) > 0,
                    () -> view.column(ViewDriver.STATUS).toString());
            runEventLoop(WARM_UP_MILLIS);
            CellEvents cells = CellEvents.count(view.table());
            Window open = Window.measure(view, ids, progress, fixture);
            cells.stop();
            ViewDriver.close();
            runEventLoop(WARM_UP_MILLIS);
            Window closed = Window.measure(null, ids, progress, fixture);

            for (long id : ids) {
                assertEquals(TransferState.RUNNING, fixture.service().get(id).orElseThrow().state(),
                        "transfer " + id + " ran through every window");
                assertTrue(open.progress().getOrDefault(id, 0L) > 0, "progress events for " + id + ": " + open);
            }
            assertTrue(open.moved() > 0 && closed.moved() > 0, "bytes moved in the windows: " + open + closed);
            assertTrue(open.refreshes() > 0, "the view refreshed in the window");

            BenchmarkFigures.line(String.format(Locale.ROOT,
                    "Five unthrottled transfers from loopback, Downloads view open, %.1f s window:", open.seconds()));
            BenchmarkFigures.print("throughput, all five together",
                    BenchmarkFigures.mebibytes(open.moved() / open.seconds()) + "/s", "(none)");
            BenchmarkFigures.print("UI thread busy (its CPU time / window)", open.busy(), "< 5 %");
            BenchmarkFigures.print("  the same, view closed", closed.busy(), "(for comparison)");
            BenchmarkFigures.print("  the same, view open, nothing running", idle.busy(), "(for comparison)");
            BenchmarkFigures.print("progress events per second per transfer, highest",
                    String.format(Locale.ROOT, "%.1f", open.highestRate()), "<= 10");
            BenchmarkFigures.print("progress events per second per transfer, mean",
                    String.format(Locale.ROOT, "%.1f", open.meanRate(PARALLEL)), "<= 10");
            BenchmarkFigures.print("view refreshes per second",
                    String.format(Locale.ROOT, "%.1f", open.refreshes() / open.seconds()), "<= 10");
            BenchmarkFigures.print("cells painted per second (of 5 rows x 7 columns)",
                    String.format(Locale.ROOT, "%.1f", cells.painted() / open.seconds()), "(breakdown)");
            BenchmarkFigures.print("cells measured per second",
                    String.format(Locale.ROOT, "%.1f", cells.measured() / open.seconds()), "(breakdown)");
            fixture.service().stopAll();
        }
    }

    /**
     * The stored history at each size of the system property {@value #STORED_PROPERTY} (comma-separated,
     * default 10,000 and 1,000,000); see {@link StoredScale}.
     */
    @Test
    void storedTransfers() throws Exception {
        for (String count : System.getProperty(STORED_PROPERTY, "10000,1000000").split(",")) {
            StoredScale.measure(fixture, Integer.parseInt(count.strip()));
        }
    }

    /** 10,000 downloads queued at once with the view open; see {@link QueuedScale}. */
    @Test
    void tenThousandQueuedAtOnce() throws Exception {
        QueuedScale.measure(fixture, 10_000, folder);
    }

    /** Runs the event loop as the workbench does, sleeping when there is nothing to do. */
    private static void runEventLoop(long millis) {
        Display display = Ui.display();
        boolean[] over = { false };
        display.timerExec((int) millis, () -> over[0] = true);
        while (!over[0]) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
    }

    /**
     * What one window of {@link #WINDOW_MILLIS} of the workbench's event loop cost the UI thread,
     * and what the transfers did meanwhile.
     */
    private record Window(long cpuNanos, long elapsedNanos, long moved, int refreshes, Map<Long, Long> progress) {
        /** Runs the event loop for a window, on the UI thread; {@code view} may be {@code null} (closed). */
        static Window measure(ViewDriver view, List<Long> ids, ProgressCounter counter, TransferFixture fixture) {
            assertNotNull(Display.getCurrent(), "the benchmark runs on the UI thread");
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int refreshesBefore = view == null ? 0 : view.refreshes();
            long bytesBefore = bytes(ids, fixture);
            counter.reset();
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            runEventLoop(WINDOW_MILLIS);
            long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
            long elapsed = System.nanoTime() - started;
            Map<Long, Long> progress = counter.counts();
            int refreshes = view == null ? 0 : view.refreshes() - refreshesBefore;
            return new Window(cpu, elapsed, bytes(ids, fixture) - bytesBefore, refreshes, progress);
        }

        static long bytes(List<Long> ids, TransferFixture fixture) {
            return ids.stream().mapToLong(id -> fixture.service().get(id).orElseThrow().bytesReceived()).sum();
        }

        double seconds() {
            return elapsedNanos / 1e9;
        }

        String busy() {
            return String.format(Locale.ROOT, "%.1f %%", 100.0 * cpuNanos / elapsedNanos);
        }

        double highestRate() {
            return progress.values().stream().mapToLong(Long::longValue).max().orElse(0) / seconds();
        }

        double meanRate(int transfers) {
            return progress.values().stream().mapToLong(Long::longValue).sum() / seconds() / transfers;
        }
    }

    /** Counts the cells the table paints and measures (its owner-draw events) while it listens. */
    private static final class CellEvents {
        private final Table table;
        private final Listener counter;
        private int painted;
        private int measured;

        private CellEvents(Table table) {
            this.table = table;
            this.counter = event -> {
                if (event.type == SWT.PaintItem) {
                    painted++;
                } else {
                    measured++;
                }
            };
        }

        static CellEvents count(Table table) {
            CellEvents events = new CellEvents(table);
            table.addListener(SWT.PaintItem, events.counter);
            table.addListener(SWT.MeasureItem, events.counter);
            return events;
        }

        void stop() {
            table.removeListener(SWT.PaintItem, counter);
            table.removeListener(SWT.MeasureItem, counter);
        }

        int painted() {
            return painted;
        }

        int measured() {
            return measured;
        }
    }

    /** A listener service counting the Progress events of each transfer. */
    private static final class ProgressCounter extends ListenerService {
        private final Map<Long, LongAdder> counts = new ConcurrentHashMap<>();

        @Override
        public void transferChanged(TransferEvent event) {
            if (event instanceof TransferEvent.Progress(Transfer transfer)) {
                counts.computeIfAbsent(transfer.id(), id -> new LongAdder()).increment();
            }
        }

        void reset() {
            counts.clear();
        }

        Map<Long, Long> counts() {
            Map<Long, Long> copy = new java.util.HashMap<>();
            counts.forEach((id, count) -> copy.put(id, count.sum()));
            return copy;
        }
    }
}
