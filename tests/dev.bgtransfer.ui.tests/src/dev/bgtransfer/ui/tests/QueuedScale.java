package dev.bgtransfer.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestHttpServer;
import dev.bgtransfer.junit.TransferFixture;
import dev.bgtransfer.ui.internal.view.ViewDriver;

/**
 * Many small downloads queued at once on two hosts, with the Downloads view open: the threads and
 * Jobs that exist meanwhile, whether each host's transfers start in the order they were queued,
 * and what it costs the UI thread (its CPU share, and its longest stall: how late a ping posted
 * every 20 ms ran). Prints the figures; asserts only that every transfer completed.
 */
final class QueuedScale {
    private static final int PER_HOST = 5;
    private static final long DEADLINE_NANOS = 10L * 60 * 1_000_000_000;

    private QueuedScale() {
    }

    static void measure(TransferFixture fixture, int queued, Path folder) throws Exception {
        try (TestHttpServer first = TestHttpServer.start(); TestHttpServer second = TestHttpServer.start();
                StartOrder order = new StartOrder().listen()) {
            TransferService service = fixture.service();
            service.setOptions(service.options().withMaxConnectionsPerHost(PER_HOST));
            List<URI> urls = new ArrayList<>();
            for (int i = 0; i < queued; i++) {
                TestHttpServer server = i % 2 == 0 ? first : second;
                String path = String.format(Locale.ROOT, "/queued-%05d.bin", i);
                server.addFile(path, 1024, i);
                urls.add(server.uri(path));
            }
            ViewDriver view = ViewDriver.open();
            view.waitForRows(0);
            Ui.spin(500);

            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int threadsBefore = threads.getThreadCount();
            threads.resetPeakThreadCount();
            UiPing ping = UiPing.start(Ui.display());
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            List<Long> ids = new CopyOnWriteArrayList<>();
            AtomicLong addNanos = new AtomicLong();
            Thread adder = new Thread(() -> {
                long from = System.nanoTime();
                for (URI url : urls) {
                    ids.add(service.download(TransferRequest.of(url, folder)).id());
                }
                addNanos.set(System.nanoTime() - from);
            }, "queue " + queued + " downloads");
            adder.start();
            int peakJobs = 0;
            while (adder.isAlive() || order.completed() < queued) {
                if (System.nanoTime() - started > DEADLINE_NANOS) {
                    fail("the " + queued + " transfers did not complete within " + DEADLINE_NANOS / 1e9 + " s");
                }
                peakJobs = Math.max(peakJobs, Job.getJobManager().find(TransferService.JOB_FAMILY).length);
                Ui.spin(20);
            }
            long elapsed = System.nanoTime() - started;
            long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
            ping.stop();
            Ui.waitUntil(queued + " rows", () -> view.rowCount() == queued, () -> view.rowCount() + " rows");
            assertEquals(queued, ids.size());

            BenchmarkFigures.line(String.format(Locale.ROOT,
                    "%,d downloads of 1 KiB queued at once on two hosts, %d per host, Downloads view open:", queued,
                    PER_HOST));
            BenchmarkFigures.print("queueing them (download() each, one thread)",
                    BenchmarkFigures.millis(addNanos.get()), "(none)");
            BenchmarkFigures.print("all completed", BenchmarkFigures.millis(elapsed), "(none)");
            BenchmarkFigures.print("threads, peak over before", String.format(Locale.ROOT, "%d over %d",
                    threads.getPeakThreadCount() - threadsBefore, threadsBefore), "no thread per queued transfer");
            BenchmarkFigures.print("Jobs of the transfer family, peak (sampled)", Integer.toString(peakJobs),
                    "<= " + 2 * PER_HOST + " (the running)");
            BenchmarkFigures.print("transfers started out of their host's queue order, beyond the limit",
                    Integer.toString(order.outOfOrder(ids, urls, PER_HOST)), "0");
            BenchmarkFigures.print("UI thread busy (its CPU time / the whole run)",
                    String.format(Locale.ROOT, "%.1f %%", 100.0 * cpu / elapsed), "(responsive)");
            BenchmarkFigures.print("UI thread, longest stall (a ping every 20 ms, its delay)",
                    BenchmarkFigures.millis(ping.longestDelayNanos()), "< 100 ms");
            BenchmarkFigures.print("  of which the UI thread's CPU time", BenchmarkFigures.millis(ping.longestCpuNanos()),
                    "(breakdown)");
            BenchmarkFigures.print("  when it began (from the first add; queueing ended, all completed)",
                    String.format(Locale.ROOT, "%.1f s (%.1f s, %.1f s)", ping.longestAtNanos() / 1e9,
                            addNanos.get() / 1e9, elapsed / 1e9), "(breakdown)");
            measureReset(service, view, queued);
            service.setOptions(TransferFixture.OPTIONS);
        }
    }

    /** Resets the session of the completed transfers with the view open: the time until the view is empty and the UI's longest stall. */
    private static void measureReset(TransferService service, ViewDriver view, int queued) throws Exception {
        UiPing ping = UiPing.start(Ui.display());
        long started = System.nanoTime();
        Thread resetter = new Thread(service::resetAll, "reset " + queued + " transfers");
        resetter.start();
        while (resetter.isAlive() || view.rowCount() > 0) {
            if (System.nanoTime() - started > DEADLINE_NANOS) {
                fail("the reset of " + queued + " transfers did not empty the view within " + DEADLINE_NANOS / 1e9 + " s");
            }
            Ui.spin(20);
        }
        long elapsed = System.nanoTime() - started;
        ping.stop();
        assertEquals(List.of(), service.transfers());
        BenchmarkFigures.print("Reset of them, view open: until the view is empty", BenchmarkFigures.millis(elapsed),
                "(none)");
        BenchmarkFigures.print("  UI thread, longest stall meanwhile", BenchmarkFigures.millis(ping.longestDelayNanos()),
                "< 100 ms");
        BenchmarkFigures.print("    of which the UI thread's CPU time", BenchmarkFigures.millis(ping.longestCpuNanos()),
                "(breakdown)");
    }

    /**
     * The order in which transfers went RUNNING the first time, as the service announced it, and how
     * many completed (counted here, so that the UI thread does not ask the service while it measures).
     */
    private static final class StartOrder extends ListenerService {
        private final List<Long> started = new CopyOnWriteArrayList<>();
        private final AtomicLong completed = new AtomicLong();
        private final Map<Long, Boolean> seen = new ConcurrentHashMap<>();

        @Override
        public void transferChanged(TransferEvent event) {
            if (event instanceof TransferEvent.StateChanged(Transfer transfer, TransferState before)
                    && transfer.state() == TransferState.RUNNING && seen.putIfAbsent(transfer.id(), true) == null) {
                started.add(transfer.id());
            } else if (event instanceof TransferEvent.Completed) {
                completed.incrementAndGet();
            }
        }

        long completed() {
            return completed.get();
        }

        /**
         * @return how many transfers started later than {@code window} places after where their host's queue
         *         had them (a few running at once may announce in any order; the queue's order is kept
         *         when none does)
         */
        int outOfOrder(List<Long> ids, List<URI> urls, int window) {
            Map<Long, String> hostOf = new ConcurrentHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                hostOf.put(ids.get(i), urls.get(i).getAuthority());
            }
            Map<String, List<Long>> queuedPerHost = new HashMap<>();
            Map<String, List<Long>> startedPerHost = new HashMap<>();
            ids.forEach(id -> queuedPerHost.computeIfAbsent(hostOf.get(id), key -> new ArrayList<>()).add(id));
            started.forEach(id -> startedPerHost.computeIfAbsent(hostOf.get(id), key -> new ArrayList<>()).add(id));
            int late = 0;
            for (Map.Entry<String, List<Long>> host : startedPerHost.entrySet()) {
                List<Long> queue = queuedPerHost.get(host.getKey());
                List<Long> starts = host.getValue();
                for (int place = 0; place < starts.size(); place++) {
                    if (Math.abs(queue.indexOf(starts.get(place)) - place) > window) {
                        late++;
                    }
                }
            }
            return late;
        }

    }

    /**
     * Posts a runnable to the UI thread every 20 ms from a thread of its own and keeps the longest
     * delay, and how much CPU time the UI thread used meanwhile (a delay the UI thread did not spend
     * working is the machine's: other processes, the X server).
     */
    private static final class UiPing {
        private final Thread pinger;
        private final AtomicLong longest = new AtomicLong();
        private final AtomicLong longestAt = new AtomicLong();
        private final AtomicLong longestCpu = new AtomicLong();
        private final long started = System.nanoTime();
        private volatile boolean running = true;

        private UiPing(Display display) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long uiThread = display.getThread().threadId();
            pinger = new Thread(() -> {
                while (running && !display.isDisposed()) {
                    long posted = System.nanoTime();
                    long cpuAtPost = threads.getThreadCpuTime(uiThread);
                    display.asyncExec(() -> {
                        long delay = System.nanoTime() - posted;
                        if (delay > longest.get()) {
                            longest.set(delay);
                            longestAt.set(posted - started);
                            longestCpu.set(threads.getCurrentThreadCpuTime() - cpuAtPost);
                        }
                    });
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }, "UI ping");
            pinger.setDaemon(true);
        }

        static UiPing start(Display display) {
            UiPing ping = new UiPing(display);
            ping.pinger.start();
            return ping;
        }

        void stop() throws InterruptedException {
            running = false;
            pinger.join();
        }

        long longestDelayNanos() {
            return longest.get();
        }

        /** @return the CPU time the UI thread used during the longest delay */
        long longestCpuNanos() {
            return longestCpu.get();
        }

        /** @return when the longest delay began, from the start of the pings */
        long longestAtNanos() {
            return longestAt.get();
        }
    }
}
