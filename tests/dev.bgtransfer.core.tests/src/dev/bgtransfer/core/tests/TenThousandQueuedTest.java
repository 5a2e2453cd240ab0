package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;

/**
 * Ten thousand downloads of one host queued at once: they wait without a thread or a Job each,
 * start in the order they were queued, five at a time, and all complete.
 */
class TenThousandQueuedTest extends ServiceTest {
    private static final int COUNT = 10_000;
    private static final int PER_HOST = 5;

    @Test
    void tenThousandQueuedAtOnceHoldNoThreadEachAndStartInOrder() throws Exception {
        List<TestFile> files = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            files.add(server.addFile("/queued/" + i + ".bin", 256, 1_000 + i));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int threadsBefore = threads.getThreadCount();
        AtomicInteger peakThreads = new AtomicInteger();
        AtomicInteger peakJobs = new AtomicInteger();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peakThreads.accumulateAndGet(threads.getThreadCount(), Math::max);
                peakJobs.accumulateAndGet(Job.getJobManager().find(TransferService.JOB_FAMILY).length, Math::max);
                TransferFixture.sleep(5);
            }
        });
        sampler.start();

        List<Transfer> queued = new ArrayList<>(COUNT);
        for (TestFile file : files) {
            queued.add(fixture.service().download(TransferRequest.of(server.uri(file.path()), folder)));
        }
        for (Transfer transfer : queued) {
            fixture.awaitState(transfer.id(), TransferState.COMPLETED);
        }
        sampling.set(false);
        sampler.join();

        assertTrue(peakThreads.get() - threadsBefore < 50,
                "threads: " + threadsBefore + " before, " + peakThreads.get() + " at the most");
        assertTrue(peakJobs.get() <= PER_HOST, "Jobs at once: " + peakJobs.get());
        assertTrue(server.peakConcurrentRequests() <= PER_HOST, "requests at once: " + server.peakConcurrentRequests());

        assertEquals(COUNT, server.requests().size(), "one request each, no more");
        // events are delivered on their own thread: every start heard before its order is read
        TransferFixture.awaitTrue("every start heard", () -> startOrder().size() >= COUNT);
        List<Long> startOrder = startOrder();
        assertEquals(queued.stream().map(Transfer::id).toList(), startOrder, "started in the order queued");
        for (int i = 0; i < COUNT; i += 997) {
            assertEquals(files.get(i).sha256(), sha256(fixture.service().get(queued.get(i).id()).orElseThrow()
                    .file().orElseThrow()));
        }
    }

    /** @return the ids of the transfers whose start from the queue was heard, in the order heard */
    private List<Long> startOrder() {
        return fixture.events(TransferEvent.StateChanged.class).stream()
                .filter(changed -> changed.previous() == TransferState.QUEUED
                        && changed.transfer().state() == TransferState.RUNNING)
                .map(changed -> changed.transfer().id()).toList();
    }
}
