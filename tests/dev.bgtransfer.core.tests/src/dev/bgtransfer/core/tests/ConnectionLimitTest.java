package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferPreferences;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;

/** Never more connections to one host than the limit; the rest wait without a thread. */
class ConnectionLimitTest extends ServiceTest {
    @Test
    void twentyQueuedNeverExceedFiveConnections() throws Exception {
        List<TestFile> files = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            files.add(server.addFile("/files/many-" + i + ".bin", 300_000, 100 + i).throttle(1_000_000));
        }
        AtomicInteger peakJobs = new AtomicInteger();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peakJobs.accumulateAndGet(Job.getJobManager().find(TransferService.JOB_FAMILY).length, Math::max);
                TransferFixture.sleep(2);
            }
        });
        sampler.start();

        List<Transfer> transfers = files.stream()
                .map(file -> fixture.service().download(TransferRequest.of(server.uri(file.path()), folder))).toList();
        List<TransferState> initial = transfers.stream()
                .map(transfer -> fixture.service().get(transfer.id()).orElseThrow().state()).toList();
        for (int i = 0; i < transfers.size(); i++) {
            Transfer done = fixture.awaitState(transfers.get(i).id(), TransferState.COMPLETED);
            assertEquals(files.get(i).sha256(), sha256(done.file().orElseThrow()));
        }
        sampling.set(false);
        sampler.join();

        assertEquals(5, server.peakConcurrentRequests(), "five at a time, never more");
        assertTrue(server.peakOpenConnections() <= 5, "open connections: " + server.peakOpenConnections());
        assertTrue(peakJobs.get() <= 5, "queued transfers must not be Jobs yet: " + peakJobs.get());
        assertTrue(initial.stream().filter(state -> state == TransferState.QUEUED).count() >= 15,
                "the ones beyond the limit wait as QUEUED: " + initial);
    }

    @Test
    void thePreferenceChangesTheLimitAtOnce() throws Exception {
        IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(TransferPreferences.NODE);
        try {
            preferences.putInt(TransferPreferences.MAX_CONNECTIONS_PER_HOST, 3);
            assertEquals(3, fixture.service().options().maxConnectionsPerHost());
            preferences.putInt(TransferPreferences.MAX_CONNECTIONS_PER_HOST, 99);
            assertEquals(TransferPreferences.MAX_CONNECTIONS_PER_HOST_LIMIT,
                    fixture.service().options().maxConnectionsPerHost(), "clamped to the limit");
        } finally {
            preferences.remove(TransferPreferences.MAX_CONNECTIONS_PER_HOST);
        }
        assertEquals(5, fixture.service().options().maxConnectionsPerHost());
    }

    @Test
    void aLowerLimitIsHonoured() {
        fixture.service().setOptions(fixture.service().options().withMaxConnectionsPerHost(2));
        List<Transfer> transfers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            TestFile file = server.addFile("/files/two-" + i + ".bin", 200_000, 200 + i).throttle(1_000_000);
            transfers.add(fixture.service().download(TransferRequest.of(server.uri(file.path()), folder)));
        }

        transfers.forEach(transfer -> fixture.awaitState(transfer.id(), TransferState.COMPLETED));

        assertEquals(2, server.peakConcurrentRequests());
        assertTrue(server.peakOpenConnections() <= 2, "open connections: " + server.peakOpenConnections());
    }
}
