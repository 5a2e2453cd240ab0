package dev.bgtransfer.persistence.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Picks, from a seeded random sequence, when to kill the child: during its start-up (framework,
 * store, restore and the requests, which write the store), a moment after it is up (while copies
 * run and checkpoints are written, now and then long enough for a checkpoint), or right after a
 * file event in the download folder (a partial file created, the final name linked to it, the
 * partial name dropped), so that the kill lands in the few milliseconds around the final naming.
 */
final class KillMoments implements AutoCloseable {
    private static final long FILE_EVENT_TIMEOUT_MILLIS = 3_000;

    enum Kind {
        STARTUP, RUNNING, PAST_A_CHECKPOINT, FILE_EVENT
    }

    private final Random random;
    private final WatchService watcher;
    private long bootMillis = 1_000;

    KillMoments(Random random, Path folder) throws IOException {
        this.random = random;
        this.watcher = FileSystems.getDefault().newWatchService();
        folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE);
    }

    Kind next() {
        int roll = random.nextInt(100);
        return roll < 30 ? Kind.STARTUP : roll < 77 ? Kind.RUNNING : roll < 92 ? Kind.FILE_EVENT
                : Kind.PAST_A_CHECKPOINT;
    }

    /** Forgets the file events of earlier processes. */
    void clearEvents() {
        for (WatchKey key = watcher.poll(); key != null; key = watcher.poll()) {
            key.pollEvents();
            key.reset();
        }
    }

    /** Returns when {@code child} should be killed. */
    void await(Kind kind, ChildProcess child) throws IOException, InterruptedException {
        switch (kind) {
            case STARTUP -> Thread.sleep(random.nextLong(bootMillis + 1));
            case RUNNING -> {
                awaitReady(child);
                Thread.sleep(random.nextLong(400));
            }
            case PAST_A_CHECKPOINT -> {
                awaitReady(child);
                // the engine checkpoints every 2 s of a copy: long enough that a copy without its
                // checkpoint would lose more than RandomKillsTest allows
                Thread.sleep(3_000 + random.nextLong(1_000));
            }
            case FILE_EVENT -> awaitFileEvent();
        }
    }

    private void awaitReady(ChildProcess child) throws IOException, InterruptedException {
        long started = System.nanoTime();
        child.awaitReady();
        // keeps start-up kills spread over the whole start-up, however fast this machine is
        bootMillis = (bootMillis * 3 + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)) / 4;
    }

    private void awaitFileEvent() throws InterruptedException {
        int skip = random.nextInt(3);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FILE_EVENT_TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline) {
            WatchKey key = watcher.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (key == null) {
                return;
            }
            int events = key.pollEvents().size();
            key.reset();
            skip -= events;
            if (skip < 0) {
                spin(random.nextLong(3_000_000));
                return;
            }
        }
    }

    /** Waits without giving up the processor, to place a kill within a millisecond. */
    private static void spin(long nanos) {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    long bootMillis() {
        return bootMillis;
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
