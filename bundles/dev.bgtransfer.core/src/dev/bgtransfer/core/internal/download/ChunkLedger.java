package dev.bgtransfer.core.internal.download;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import dev.bgtransfer.core.spi.TransferRecord.ChunkHash;

/**
 * The chunk hashes of one partial file as the running SHA-256 of the whole entity passes them: at
 * every chunk boundary (absolute offsets, every {@link #chunkSize(long) 4 MiB or more}), and where a
 * checkpoint or the end of a copy leaves the bytes. The connections of a download in slices add
 * chains of their own, from where each began to write (see {@link ChunkHash#start()}). Each is the SHA-256 of the entity's bytes from
 * its start to there, so taking one costs a copy of the digest's state and one final block (about a
 * microsecond), never a second read of the bytes; and a resume, which reads the file from its start
 * for the whole SHA-256 anyway, checks them on the way (see {@link ChunkCheck}). A chain rather than
 * a hash of each chunk alone: the first hash that does not match names the first damaged chunk, and
 * the SHA-256 of the kept bytes is at hand there. Shared by the thread that hashes, the one that
 * stores checkpoints and the copy.
 */
final class ChunkLedger {
    /** The smallest chunk: what a damaged byte costs at most to fetch again. */
    static final long MIN_CHUNK = 4L * 1024 * 1024;
    /** Chunks grow with the file beyond this many, so that the stored hashes stay a few tens of KiB. */
    static final int MAX_CHUNKS = 1024;
    /** The first 128 bits of a SHA-256: no damage on a disk makes two prefixes agree in them. */
    private static final int HASH_BYTES = 16;

    private final long chunkSize;
    /** Every boundary's hash, then those between the last boundary and the bytes hashed. */
    private final List<ChunkHash> hashes;
    private long hashed;
    private int changes;
    private int storedChanges;

    /**
     * @param kept   hashes of the bytes already in the file, all ending at or before {@code hashed}
     * @param hashed how many of the entity's bytes the running digest holds already
     */
    ChunkLedger(long chunkSize, List<ChunkHash> kept, long hashed) {
        this.chunkSize = chunkSize;
        this.hashes = new ArrayList<>(kept);
        this.hashed = hashed;
    }

    /** @return the chunk size for an entity of {@code total} bytes (negative: unknown), a whole number of MiB */
    static long chunkSize(long total) {
        long mib = 1024 * 1024;
        long spread = total <= 0 ? 0 : (total + MAX_CHUNKS - 1) / MAX_CHUNKS;
        return Math.max(MIN_CHUNK, (spread + mib - 1) / mib * mib);
    }

    /** @return the first chunk boundary after {@code position} */
    long nextBoundary(long position) {
        return (position / chunkSize + 1) * chunkSize;
    }

    /** Takes the hash of the first {@code end} bytes from {@code running}, which is left as it is. */
    void take(long end, MessageDigest running) {
        take(0, end, running);
    }

    /**
     * Takes the hash of the bytes {@code start} to {@code end} from {@code running}, which holds
     * exactly them and is left as it is.
     */
    void take(long start, long end, MessageDigest running) {
        if (end <= start) {
            return;
        }
        ChunkHash hash = new ChunkHash(start, end, truncatedSha256(running));
        synchronized (this) {
            for (ChunkHash earlier : hashes) {
                if (earlier.start() == start && earlier.end() >= end) {
                    return;
                }
            }
            if (end % chunkSize == 0) {
                // a boundary proves every byte of its chain before it: the hashes between the last one and it go
                hashes.removeIf(earlier -> earlier.start() == start && earlier.end() % chunkSize != 0);
                changes++;
            }
            hashes.add(hash);
        }
    }

    /**
     * Feeds {@code length} bytes of {@code bytes} that lie at {@code position} of the entity to
     * {@code running} (which holds the bytes from {@code start} to {@code position}), taking the hash
     * at each chunk boundary they pass.
     *
     * @return the position after them
     */
    long feed(long start, long position, MessageDigest running, byte[] bytes, int length) {
        long at = position;
        int from = 0;
        while (from < length) {
            long boundary = nextBoundary(at);
            int part = (int) Math.min(length - from, boundary - at);
            running.update(bytes, from, part);
            from += part;
            at += part;
            if (at == boundary) {
                take(start, at, running);
            }
        }
        return at;
    }

    /** The running digest holds the first {@code position} bytes now. */
    synchronized void hashedTo(long position) {
        hashed = position;
        notifyAll();
    }

    /** Returns once the running digest holds the first {@code position} bytes (their hash is taken, if asked). */
    synchronized void awaitHashed(long position) {
        boolean interrupted = false;
        while (hashed < position) {
            try {
                wait();
            } catch (InterruptedException keep) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return whether a boundary's hash came since the hashes were last {@link #snapshot() taken} to be stored */
    synchronized boolean unstored() {
        return changes != storedChanges;
    }

    /** @return the hashes so far, to be stored with the transfer */
    synchronized List<ChunkHash> snapshot() {
        storedChanges = changes;
        return List.copyOf(hashes);
    }

    /** @return the first 128 bits of the SHA-256 that {@code running} holds, in hex; {@code running} is left as it is */
    static String truncatedSha256(MessageDigest running) {
        byte[] full = copyOf(running).digest();
        return HexFormat.of().formatHex(full, 0, HASH_BYTES);
    }

    /** @return a copy of {@code running}'s state: its bytes so far, to go on from apart */
    static MessageDigest copyOf(MessageDigest running) {
        try {
            return (MessageDigest) running.clone();
        } catch (CloneNotSupportedException notTheJdks) {
            throw new IllegalStateException("The JDK's SHA-256 cannot be copied", notTheJdks);
        }
    }
}
