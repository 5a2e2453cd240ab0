package dev.bgtransfer.core.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * Feeds a digest on a thread of its own from a few fixed buffers that the copy fills in turn: on
 * two cores the SHA-256 of a download costs its copy nothing, and no buffer is allocated per
 * chunk. The copy takes a {@link #free()} chunk, fills it, writes it and {@link #hand(int) hands}
 * it over; it waits only when every chunk is still being hashed.
 */
final class BackgroundDigest implements AutoCloseable {
    private static final int CHUNKS = 4;

    /** A reusable buffer, also wrapped for channel writes. */
    static final class Chunk {
        final byte[] bytes;
        final ByteBuffer buffer;
        int length;

        private Chunk(int size) {
            bytes = new byte[size];
            buffer = ByteBuffer.wrap(bytes);
        }
    }

    private final MessageDigest digest;
    private final Chunk[] chunks = new Chunk[CHUNKS];
    private long handed;
    private long hashed;
    private boolean closed;

    /** Starts hashing into {@code digest}, which the caller leaves alone until {@link #drain()}. */
    BackgroundDigest(MessageDigest digest, int chunkSize) {
        this.digest = digest;
        for (int i = 0; i < CHUNKS; i++) {
            chunks[i] = new Chunk(chunkSize);
        }
        Thread.ofVirtual().name("bgtransfer sha-256").start(this::hashHanded);
    }

    /** @return the next chunk to fill, once the hash is done with it */
    synchronized Chunk free() {
        boolean interrupted = false;
        while (handed - hashed >= CHUNKS) {
            interrupted |= waitUninterruptibly();
        }
        keep(interrupted);
        return chunks[(int) (handed % CHUNKS)];
    }

    /** Hands the chunk from {@link #free()} over, holding {@code length} bytes. */
    synchronized void hand(int length) {
        chunks[(int) (handed % CHUNKS)].length = length;
        handed++;
        notifyAll();
    }

    /** Returns when every chunk handed over is in the digest. */
    synchronized void drain() {
        boolean interrupted = false;
        while (hashed < handed) {
            interrupted |= waitUninterruptibly();
        }
        keep(interrupted);
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    private void hashHanded() {
        while (true) {
            Chunk next;
            synchronized (this) {
                while (hashed == handed && !closed) {
                    waitUninterruptibly(); // nobody interrupts this thread
                }
                if (hashed == handed) {
                    return;
                }
                next = chunks[(int) (hashed % CHUNKS)];
            }
            digest.update(next.bytes, 0, next.length);
            synchronized (this) {
                hashed++;
                notifyAll();
            }
        }
    }

    /** Waits with this object's lock held; @return whether the wait was interrupted */
    private boolean waitUninterruptibly() {
        try {
            wait();
            return false;
        } catch (InterruptedException interrupted) {
            return true;
        }
    }

    /** Hashing takes moments: an interrupt waits for the caller's next blocking call. */
    private static void keep(boolean interrupted) {
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
