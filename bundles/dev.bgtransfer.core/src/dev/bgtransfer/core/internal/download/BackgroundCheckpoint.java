package dev.bgtransfer.core.internal.download;

import java.util.function.LongConsumer;

import dev.bgtransfer.core.internal.http.TransferException;

/**
 * Forces the partial file to the disk on a thread of its own, then records the bytes written
 * before the force began: those are durable, and the copy never waits for the disk. One force at
 * a time; a checkpoint asked for while one runs is skipped (the next one covers its bytes). Chunk
 * hashes taken between checkpoints are stored on the same thread, without a force: a hash proves
 * its bytes on a resume whether or not they reached the disk.
 */
final class BackgroundCheckpoint {
    private final PartFile part;
    private final LongConsumer durable;
    private final Runnable chunksHashed;
    private Thread running;
    private volatile TransferException failure;

    /**
     * @param durable      records the bytes once they are durable
     * @param chunksHashed stores the chunk hashes taken so far
     */
    BackgroundCheckpoint(PartFile part, LongConsumer durable, Runnable chunksHashed) {
        this.part = part;
        this.durable = durable;
        this.chunksHashed = chunksHashed;
    }

    /** @return whether no checkpoint runs: one started now starts at once */
    boolean idle() {
        return running == null || !running.isAlive();
    }

    /** Stores the chunk hashes taken so far, unless a checkpoint runs (which stores them too). */
    void storeChunks() {
        if (idle()) {
            running = Thread.ofVirtual().name("bgtransfer chunk hashes").start(chunksHashed);
        }
    }

    /**
     * Starts making the first {@code written} bytes durable, unless a force still runs.
     *
     * @return whether it started
     * @throws TransferException when an earlier force failed (the disk is in trouble)
     */
    boolean start(long written) throws TransferException {
        rethrow();
        if (!idle()) {
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
