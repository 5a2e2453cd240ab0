package dev.bgtransfer.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.junit.TestHttpServer;
import dev.bgtransfer.junit.TransferFixture;

/**
 * Many small files, whose changes the service commits in groups (several transfers' partial file
 * names, final names and completions in one transaction): a process running the real service and
 * SQLite store is killed with SIGKILL while files are being completed, again and again, each time
 * just after a random number of further files got their final names, when the next batch is being
 * written. After every kill the store and the folder are read directly and checked (see
 * {@link DiskAndStoreCheck}: no name shows fewer bytes than the whole file, what the store says
 * completed is there with its digest, no file that no record accounts for); at the end every file is
 * complete, once, with the right bytes.
 */
class SmallFileKillsTest extends KilledChildTest {
    private static final int TRANSFERS = 60;
    private static final int KILLS = 8;
    /** Per response: a 64 KiB file takes a quarter of a second, so the kills land while files complete. */
    private static final long RATE = 256 * 1024;
    private static final long TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(2);

    @Test
    void killsWhileSmallFilesCompleteLeaveAConsistentStoreAndEveryFileOnceWhole() throws Exception {
        long seed = Long.getLong("dev.bgtransfer.crash.seed", new Random().nextLong());
        Random random = new Random(seed);
        System.out.printf("SmallFileKillsTest: seed %d (-Ddev.bgtransfer.crash.seed=%d)%n", seed, seed);
        server = TestHttpServer.start();
        server.setThrottle(RATE);
        SeededFiles files = new SeededFiles(server, TRANSFERS, random, 0);
        Path state = work.resolve("state");
        Path folder = Files.createDirectories(work.resolve("downloads"));
        DiskAndStoreCheck check = new DiskAndStoreCheck(state.resolve("transfers.db"), folder, files);

        for (int kill = 1; kill <= KILLS; kill++) {
            int named = namedFiles(folder);
            if (named == TRANSFERS) {
                break;
            }
            int killAt = Math.min(TRANSFERS, named + 1 + random.nextInt(6));
            child = ChildProcess.launch(work, state, folder, files.urls());
            awaitNamed(folder, killAt);
            Thread.sleep(random.nextInt(3));
            assertEquals(ChildProcess.KILLED_BY_SIGKILL, child.kill(), "killed by SIGKILL: " + child.output());
            child = null;
            check.check("kill " + kill + " after " + killAt + " named (seed " + seed + ")");
        }

        server.setThrottle(0);
        child = ChildProcess.launch(work, state, folder, files.urls());
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (check.records().stream().filter(record -> record.state() == TransferState.COMPLETED)
                .count() < TRANSFERS) {
            if (System.nanoTime() > deadline) {
                fail("Not every transfer completed after the kills: " + check.records());
            }
            Thread.sleep(100);
        }
        child.kill();
        child = null;
        check.check("at the end");
        for (TransferRecord record : check.records()) {
            assertEquals(TransferState.COMPLETED, record.state(), record.toString());
        }
        for (SeededFiles.Served file : files.all()) {
            assertEquals(file.file().sha256(), TransferFixture.sha256(file.finalFile(folder)), file.name());
        }
        assertEquals(files.all().stream().map(SeededFiles.Served::name).sorted().toList(),
                TransferFixture.list(folder), "each file once, no partial file left");
    }

    private void awaitNamed(Path folder, int count) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (namedFiles(folder) < count) {
            if (System.nanoTime() > deadline) {
                fail(count + " files never got their names: " + child.output());
            }
            Thread.sleep(1);
        }
    }

    /** @return the files under their final names */
    private static int namedFiles(Path folder) throws IOException {
        try (Stream<Path> present = Files.list(folder)) {
            return (int) present.filter(file -> !file.getFileName().toString().endsWith(".part")).count();
        }
    }
}
