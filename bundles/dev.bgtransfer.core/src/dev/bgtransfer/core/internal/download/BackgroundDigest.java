package dev.bgtransfer.core.internal.download;

import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * Feeds a digest on a thread of its own from a few fixed buffers that the copy fills in turn: on
 * two cores the SHA-256 of a download costs its copy nothing, and no buffer is allocated per
 * chunk. The copy takes a {@link #free()} chunk, fills it, writes it and {@link #hand(int) hands}
 * it over; it waits only when every chunk is still being hashed. A body that fits one chunk is
 * hashed on the copy's thread instead: starting and waking a thread costs more than its hash.
 * On the way it takes the {@link ChunkLedger chunk hashes} from the running digest: at each chunk
 * boundary, and at the end of each chunk the copy asks it to (where a checkpoint begins).
 */
final class BackgroundDigest implements AutoCloseable {
    private static final int CHUNKS = 4;

    /** A reusable buffer, also wrapped for channel writes. */
    static final class Chunk {
        final byte[] bytes;
        final ByteBuffer buffer;
        int length;
        boolean hashAtEnd;

        private Chunk(int size) {
            bytes = new byte[size];
            buffer = ByteBuffer.wrap(bytes);
        }
    }

    private final MessageDigest digest;
    private final ChunkLedger ledger;
    /** How many of the entity's bytes the digest holds; the hashing thread's alone until {@link #drain()}. */
    private long position;
    private final boolean inline;
    private final Chunk[] chunks;
    private long handed;
    private long hashed;
    private boolean closed;

    /**
     * Starts hashing into {@code digest}, which the caller leaves alone until {@link #drain()}.
     *
     * @param hashed   how many of the entity's bytes {@code digest} holds already
     * @param oneChunk whether the body is expected to fit one chunk: it is then hashed inline
     */
    BackgroundDigest(MessageDigest digest, long hashed, ChunkLedger ledger, int chunkSize, boolean oneChunk) {
        this.digest = digest;
        this.position = hashed;
        this.ledger = ledger;
        this.inline = oneChunk;
        chunks = new Chunk[oneChunk ? 1 : CHUNKS];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = new Chunk(chunkSize);
        }
        if (!inline) {
            Thread.ofVirtual().name("bgtransfer sha-256").start(this::hashHanded);
        }
    }

    /** @return the next chunk to fill, once the hash is done with it */
    synchronized Chunk free() {
        boolean interrupted = false;
        while (handed - hashed >= chunks.length) {
            interrupted |= waitUninterruptibly();
        }
        keep(interrupted);
        return chunks[(int) (handed % chunks.length)];
    }

    /**
     * Hands the chunk from {@link #free()} over, holding {@code length} bytes.
     *
     * @param hashAtEnd whether the hash of the bytes up to its end goes into the ledger
     */
    synchronized void hand(int length, boolean hashAtEnd) {
        Chunk chunk = chunks[(int) (handed % chunks.length)];
        chunk.length = length;
        chunk.hashAtEnd = hashAtEnd;
        handed++;
        if (inline) {
            feed(chunk);
            hashed++;
        } else {
            notifyAll();
        }
    }

    /** Returns when every chunk handed over is in the digest, and its hash at their end in the ledger. */
    synchronized void drain() {
        boolean interrupted = false;
        while (hashed < handed) {
            interrupted |= waitUninterruptibly();
        }
        keep(interrupted);
        ledger.take(position, digest);
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
                next = chunks[(int) (hashed % chunks.length)];
            }
            feed(next);
            synchronized (this) {
                hashed++;
                notifyAll();
            }
        }
    }

    /** Feeds {@code chunk} to the digest, taking the chunk hashes it passes. */
    private void feed(Chunk chunk) {
        position = ledger.feed(0, position, digest, chunk.bytes, chunk.length);
        if (chunk.hashAtEnd) {
            ledger.take(position, digest);
        }
        ledger.hashedTo(position);
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
