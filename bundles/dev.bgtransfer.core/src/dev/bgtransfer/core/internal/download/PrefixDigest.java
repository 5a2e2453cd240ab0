package dev.bgtransfer.core.internal.download;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.internal.http.TransferException;

/**
 * The SHA-256 of a segmented download, computed on a thread of its own by reading back the bytes
 * written without a gap from the start of the file (the page cache holds them), so that only the
 * slices finished last are hashed after the end. With one connection it trails the copy as
 * {@link BackgroundDigest} does. On the way it takes the {@link ChunkLedger chunk hashes} of the
 * bytes it passes.
 */
final class PrefixDigest implements AutoCloseable {
    private static final int BUFFER = 1024 * 1024;
    private static final long IDLE_MILLIS = 50;

    private final Path path;
    private final FileChannel channel;
    private final SliceTable table;
    private final MessageDigest digest;
    private final ChunkLedger ledger;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private final Thread hashing;
    private volatile boolean closed;
    private long hashed;
    private IOException failure;

    /**
     * @param digest holds the first {@code hashed} bytes of the file already
     * @param ledger takes the chunk hashes of the bytes hashed from there
     */
    PrefixDigest(Path path, SliceTable table, MessageDigest digest, long hashed, ChunkLedger ledger)
            throws TransferException {
        this.path = path;
        this.table = table;
        this.digest = digest;
        this.ledger = ledger;
        this.hashed = hashed;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException unreadable) {
            throw DiskFailures.disk(unreadable, path);
        }
        hashing = Thread.ofVirtual().name("bgtransfer sha-256").start(this::trail);
    }

    private void trail() {
        try {
            while (!closed) {
                long end = table.contiguousEnd();
                if (end > hashed) {
                    hashTo(end);
                } else {
                    table.awaitWrite(end, IDLE_MILLIS);
                }
            }
        } catch (IOException unreadable) {
            failure = unreadable;
        } catch (InterruptedException ended) {
            // closed
        }
    }

    private void hashTo(long end) throws IOException {
        while (hashed < end && !closed) {
            long boundary = ledger.nextBoundary(hashed);
            buffer.clear().limit((int) Math.min(BUFFER, Math.min(end, boundary) - hashed));
            int read = channel.read(buffer, hashed);
            if (read < 0) {
                throw new IOException(NLS.bind(Messages.partFileShort, hashed, end));
            }
            digest.update(buffer.array(), 0, read);
            hashed += read;
            if (hashed == boundary) {
                ledger.take(hashed, digest);
            }
            ledger.hashedTo(hashed);
        }
    }

    /** Stops hashing for now and takes the hash of the bytes hashed so far: the fetch ends without the whole. */
    void stopAndTakeHash() {
        stop();
        ledger.take(hashed, digest);
    }

    /** @return the SHA-256 of the first {@code length} bytes, once every one of them is written */
    byte[] finish(long length) throws TransferException {
        stop();
        try {
            if (failure != null) {
                throw failure;
            }
            closed = false;
            hashTo(length);
            return digest.digest();
        } catch (IOException unreadable) {
            throw DiskFailures.disk(unreadable, path);
        }
    }

    private void stop() {
        closed = true;
        Joins.join(hashing);
    }

    @Override
    public void close() {
        stop();
        try {
            channel.close();
        } catch (IOException ignored) {
            // only read from
        }
    }
}
