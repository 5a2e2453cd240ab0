package dev.bgtransfer.core.internal.download;

import java.util.function.LongConsumer;

import dev.bgtransfer.core.internal.http.TransferException;

/**
 * Forces the partial file to the disk on a thread of its own, then records the bytes written
 * before the force began: those are durable, and the copy never waits for the disk. One force at
 * a time; a checkpoint asked for while one runs is skipped (the next one covers its bytes).
 */
final class BackgroundCheckpoint {
    private final PartFile part;
    private final LongConsumer durable;
    private Thread running;
    private volatile TransferException failure;

    /** @param durable records the bytes once they are durable */
    BackgroundCheckpoint(PartFile part, LongConsumer durable) {
        this.part = part;
        this.durable = durable;
    }

    /**
     * Starts making the first {@code written} bytes durable, unless a force still runs.
     *
     * @return whether it started
     * @throws TransferException when an earlier force failed (the disk is in trouble)
     */
    boolean start(long written) throws TransferException {
        rethrow();
        if (running != null && running.isAlive()) {
            return false;
        }
        running = Thread.ofVirtual().name("bgtransfer checkpoint").start(() -> {
            try {
                part.force();
                durable.accept(written);
            } catch (TransferException failed) {
                failure = failed;
            }
        });
        return true;
    }

    /** Waits for the force that runs, if any: after it, no checkpoint of this file is in flight. */
    void finish() throws TransferException {
        Joins.join(running);
        rethrow();
    }

    private void rethrow() throws TransferException {
        TransferException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }
}
