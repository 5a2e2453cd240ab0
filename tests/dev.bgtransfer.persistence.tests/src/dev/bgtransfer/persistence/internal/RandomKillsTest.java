package dev.bgtransfer.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.junit.TestHttpServer;
import dev.bgtransfer.junit.TransferFixture;

/**
 * One process running the real service and SQLite store over 100 transfers is killed with SIGKILL
 * 500 times at seeded random moments, and started again each time, then left to finish. After every
 * kill, before the next start, the store file and the folder are read directly and checked (see
 * {@link DiskAndStoreCheck}); at the end every file is complete with the right bytes, and each kill
 * cost each transfer at most the bytes of one checkpoint interval. One more, larger file comes from a
 * host of its own, slowly: it is fetched in slices over several connections, which the kills interrupt too.
 * <p>
 * The seed is printed; {@code -Ddev.bgtransfer.crash.seed=N} (the pom's {@code crash.seed}) runs the
 * same files and kill moments again. Where a kill lands within the child's work still depends on
 * timing.
 */
class RandomKillsTest extends KilledChildTest {
    private static final int TRANSFERS = 100;
    private static final int KILLS = Integer.getInteger("dev.bgtransfer.crash.kills", 500);
    private static final int RUNNING_AT_ONCE = TransferOptions.DEFAULTS.maxConnectionsPerHost();
    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    /** The server's rate per response while the transfers are behind the kills, and when ahead. */
    private static final long FAST = MIB;
    private static final long SLOW = 256 * KIB;
    /**
     * The engine forces the partial file and records its length every 2 s or 8 MiB of a copy
     * ({@code DownloadAttempt.CHECKPOINT_NANOS}, {@code CHECKPOINT_BYTES}): a kill loses what came
     * since, at most 2 s at the server's rate, plus what came while that checkpoint was forced and
     * stored, and what was on its way in the socket (1 s allowed for both).
     */
    private static final long CHECKPOINT_LOSS = Math.min(8 * MIB, FAST * 3);
    private static final long FINISH_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(3);
    /** The file fetched in slices: past the size that a second connection is opened for, at the slow rate. */
    private static final long SLICED_SIZE = 12 * MIB;
    /** A kill loses at most a checkpoint interval of each of the sliced file's connections. */
    private static final int SLICED_CONNECTIONS = 4;

    /** The server of the sliced file: a host of its own, so its slices do not wait for the other transfers' slots. */
    private TestHttpServer slicedServer;

    @AfterEach
    void stopSlicedServer() {
        if (slicedServer != null) {
            slicedServer.close();
        }
    }

    @Test
    void fiveHundredKillsAtRandomMomentsLoseAtMostOneCheckpointAndNeverCompleteWrongBytes() throws Exception {
        long seed = Long.getLong("dev.bgtransfer.crash.seed", new Random().nextLong());
        Random random = new Random(seed);
        server = TestHttpServer.start();
        SeededFiles files = new SeededFiles(server, TRANSFERS, random);
        slicedServer = TestHttpServer.start();
        SeededFiles.Served sliced = files.addSliced(slicedServer, SLICED_SIZE, random.nextLong(), SLOW);
        Path state = work.resolve("state");
        Path folder = Files.createDirectories(work.resolve("downloads"));
        DiskAndStoreCheck check = new DiskAndStoreCheck(state.resolve("transfers.db"), folder, files);
        System.out.printf("RandomKillsTest: seed %d (-Ddev.bgtransfer.crash.seed=%d), %d transfers, %.1f MiB%n",
                seed, seed, TRANSFERS, files.totalSize() / (double) MIB);

        long began = System.nanoTime();
        Map<KillMoments.Kind, Integer> kinds = new EnumMap<>(KillMoments.Kind.class);
        Map<String, Long> served = servedByFile(files);
        DiskAndStoreCheck.Result last = new DiskAndStoreCheck.Result(Map.of(), 0);
        long worstLoss = 0;
        long bootMillis;
        try (KillMoments moments = new KillMoments(random, folder)) {
            for (int kill = 1; kill <= KILLS; kill++) {
                // keeps the transfers spread over all the kills, however fast this machine is
                server.setThrottle(last.completed() * KILLS > kill * TRANSFERS ? SLOW : FAST);
                KillMoments.Kind kind = moments.next();
                kinds.merge(kind, 1, Integer::sum);
                moments.clearEvents();
                child = ChildProcess.launch(work, state, folder, files.urls());
                moments.await(kind, child);
                int exit = child.kill();
                assertEquals(ChildProcess.KILLED_BY_SIGKILL, exit, "killed by SIGKILL: " + child.output());
                child = null;
                String when = "kill " + kill + " (" + kind + ", seed " + seed + ")";
                DiskAndStoreCheck.Result now = check.check(when);
                awaitServerDone(when);
                Map<String, Long> nowServed = servedByFile(files);
                worstLoss = Math.max(worstLoss, assertLossWithinACheckpoint(when, served, nowServed, last.kept(),
                        now.kept(), sliced.name()));
                served = nowServed;
                last = now;
            }
            bootMillis = moments.bootMillis();
            server.setThrottle(0);
            sliced.file().throttle(0);
            child = ChildProcess.launch(work, state, folder, files.urls());
            awaitAllCompleted(check);
            assertEquals(ChildProcess.KILLED_BY_SIGKILL, child.kill());
            child = null;
        }

        check.check("at the end");
        List<TransferRecord> records = check.records();
        assertEquals(files.all().size(), records.size());
        records.forEach(record -> assertEquals(TransferState.COMPLETED, record.state(), record.toString()));
        for (SeededFiles.Served file : files.all()) {
            assertEquals(file.file().sha256(), TransferFixture.sha256(file.finalFile(folder)), file.name());
        }
        assertEquals(files.all().stream().map(SeededFiles.Served::name).sorted().toList(),
                TransferFixture.list(folder), "exactly the files, no partial file left");
        long refetched = files.totalServed() - files.totalSize();
        long bound = KILLS * (RUNNING_AT_ONCE + SLICED_CONNECTIONS) * CHECKPOINT_LOSS;
        long slices = slicedServer.requests(sliced.file().path()).stream()
                .filter(request -> request.header("Range").filter(range -> !range.strip().endsWith("-")).isPresent())
                .count();
        System.out.printf("RandomKillsTest: %s was fetched in slices: %d requests for one%n", sliced.name(), slices);
        assertTrue(slices > 0, "the large file was never fetched in slices");
        System.out.printf("RandomKillsTest: seed %d, %d kills %s in %.1f s (start-up about %d ms), fetched again"
                + " %.1f MiB (%.1f KiB per kill, worst per transfer and kill %.1f KiB), bound %.1f MiB%n", seed,
                KILLS, kinds, (System.nanoTime() - began) / 1e9, bootMillis, refetched / (double) MIB,
                refetched / (double) KIB / KILLS, worstLoss / (double) KIB, bound / (double) MIB);
        assertTrue(refetched >= 0, "served less than the files hold: " + refetched);
        assertTrue(refetched <= bound, "fetched again " + refetched + " bytes, more than " + bound);
    }

    /**
     * @return the worst loss of one transfer: bytes served during the last run that the next run does
     *         not keep
     */
    private static long assertLossWithinACheckpoint(String when, Map<String, Long> servedBefore,
            Map<String, Long> servedAfter, Map<String, Long> durableBefore, Map<String, Long> durableAfter,
            String slicedName) {
        long worst = 0;
        List<String> losing = new java.util.ArrayList<>();
        for (Map.Entry<String, Long> file : servedAfter.entrySet()) {
            String name = file.getKey();
            long servedNow = file.getValue() - servedBefore.getOrDefault(name, 0L);
            long kept = durableAfter.getOrDefault(name, 0L) - durableBefore.getOrDefault(name, 0L);
            long lost = servedNow - kept;
            long allowed = name.equals(slicedName) ? SLICED_CONNECTIONS * CHECKPOINT_LOSS : CHECKPOINT_LOSS;
            assertTrue(lost <= allowed, when + ": " + name + " lost " + lost + " bytes, more than "
                    + allowed + " (served " + servedNow + ", kept " + kept + ")");
            if (lost > 0) {
                losing.add(name + " lost " + lost + " (served " + servedNow + ", kept " + kept + ")");
            }
            worst = Math.max(worst, lost);
        }
        assertTrue(losing.size() <= RUNNING_AT_ONCE + 1,
                when + ": " + losing.size() + " transfers lost bytes: " + losing);
        return worst;
    }

    /**
     * Waits until the server has noticed that the killed process's connections are gone: a response
     * may write one more chunk before its write fails, and that chunk belongs to this run.
     */
    private void awaitServerDone(String when) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.openConnections() + slicedServer.openConnections() > 0) {
            if (System.nanoTime() > deadline) {
                fail(when + ": the servers still have " + (server.openConnections() + slicedServer.openConnections())
                        + " connections of a killed process");
            }
            Thread.sleep(2);
        }
    }

    private static Map<String, Long> servedByFile(SeededFiles files) {
        Map<String, Long> served = new HashMap<>();
        files.all().forEach(file -> served.put(file.name(), file.file().bytesServed()));
        return served;
    }

    private static long completed(DiskAndStoreCheck check) throws Exception {
        return check.records().stream().filter(record -> record.state() == TransferState.COMPLETED).count();
    }

    private void awaitAllCompleted(DiskAndStoreCheck check) throws Exception {
        long deadline = System.nanoTime() + FINISH_TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            if (child.isReady() && completed(check) == TRANSFERS + 1) {
                return;
            }
            Thread.sleep(200);
        }
        fail("Not all transfers completed after the kills: " + check.records());
    }
}
