package dev.bgtransfer.core.internal.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;

import org.apache.hc.core5.http.ConnectionClosedException;
import org.eclipse.core.runtime.SubMonitor;

import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.internal.bandwidth.Throttle;
import dev.bgtransfer.core.internal.http.ConnectionAbort;
import dev.bgtransfer.core.internal.http.Exchange;
import dev.bgtransfer.core.internal.http.NetworkFailures;
import dev.bgtransfer.core.internal.http.TransferException;
import dev.bgtransfer.core.internal.jobs.ByteProgress;

/**
 * Streams a response body into the partial file through a few fixed buffers, hashed and forced to
 * the disk beside the copy (see {@link BackgroundDigest}, {@link BackgroundCheckpoint}), never
 * slower than the speed floor for long, and no faster than the transfer's {@link Throttle} lets it. The body stream is left to {@link Exchange#close()}: closing
 * it here would read an unwanted rest to its end.
 */
final class BodyCopy {
    private static final int BUFFER_SIZE = 512 * 1024;
    private static final int MIN_BUFFER_SIZE = 8 * 1024;
    private static final long CHECKPOINT_NANOS = 2_000_000_000L;
    private static final long CHECKPOINT_BYTES = 8L * 1024 * 1024;
    /** How often a copy that may hand over asks whether to. */
    private static final long HANDOVER_LOOK_NANOS = 300_000_000L;

    /** Hears which bytes are on disk for good. */
    interface Durability {
        /**
         * The bytes up to {@code bytes} are forced to disk.
         *
         * @param whole whether they are the whole body, which is recorded with the final name next
         */
        void durable(long bytes, long total, boolean whole);

        /** Stores the chunk hashes taken so far with the bytes durable so far. */
        void chunksHashed();
    }

    /** Says, now and then while a body is copied, whether its rest should go to connections in slices. */
    interface Handover {
        /**
         * @param received where the copy is in the entity
         * @param speed    bytes per second since the copy began
         * @return whether the copy should stop here, the body unread beyond, for the rest to be fetched in slices
         */
        boolean now(long received, double speed);
    }

    private final TransferOptions options;
    private final ByteProgress.Sink sink;
    private final Durability durability;
    private final Throttle throttle;
    private final ConnectionAbort abort;
    private Handover handover;
    private boolean handedOver;

    /** @param abort the connection's, which ends a wait for the throttle at once */
    BodyCopy(TransferOptions options, ByteProgress.Sink sink, Durability durability, Throttle throttle,
            ConnectionAbort abort) {
        this.options = options;
        this.sink = sink;
        this.durability = durability;
        this.throttle = throttle;
        this.abort = abort;
    }

    /**
     * Lets {@code asked} stop the copy once it says the rest goes to connections in slices; never while
     * a bandwidth limit holds the copy back, as more connections would only share the same limit.
     */
    BodyCopy handingOver(Handover asked) {
        this.handover = asked;
        return this;
    }

    /** @return whether the last copy stopped for a hand-over: its body's rest is unread, the digest holds what was copied */
    boolean handedOver() {
        return handedOver;
    }

    /**
     * @param offset where the body starts in the entity: the bytes of the partial file before it are kept
     * @param total  the entity's length, or a negative number when unknown
     * @param digest takes the whole entity's bytes, those already in the partial file first
     * @param hashed how many of them {@code digest} holds already: {@code offset}, or 0 to read them back
     * @param ledger takes the chunk hashes of the bytes copied
     * @return the length of the entity on disk
     */
    long copy(Exchange exchange, Path partFile, long offset, long total, MessageDigest digest, long hashed,
            ChunkLedger ledger, SubMonitor monitor) throws IOException, TransferException {
        ByteProgress progress = new ByteProgress(monitor, sink);
        SpeedFloor floor = new SpeedFloor(options, throttle);
        InputStream body = exchange.body();
        try (PartFile part = PartFile.openAt(partFile, offset)) {
            if (hashed < offset) {
                part.digestFirst(offset, digest);
            }
            BackgroundCheckpoint checkpoints = new BackgroundCheckpoint(part,
                    durable -> durability.durable(durable, total, false), durability::chunksHashed);
            long received = offset;
            long checkpointBytes = offset;
            long checkpointTime = System.nanoTime();
            long began = checkpointTime;
            long nextHandoverLook = began + HANDOVER_LOOK_NANOS;
            long expected = total < 0 ? -1 : total - offset;
            try (BackgroundDigest hashing = new BackgroundDigest(digest, offset, ledger, chunkSize(expected),
                    expected >= 0 && expected <= BUFFER_SIZE)) {
                boolean whole = false;
                try {
                    while (true) {
                        BackgroundDigest.Chunk chunk = hashing.free();
                        int read = body.read(chunk.bytes, 0, throttle.stepSize(chunk.bytes.length));
                        if (read == -1) {
                            break;
                        }
                        part.write(chunk.buffer.clear().limit(read));
                        received += read;
                        // the checkpoint's bytes get a chunk hash of their own, so that a resume proves them all
                        boolean checkpoint = (received - checkpointBytes >= CHECKPOINT_BYTES
                                || System.nanoTime() - checkpointTime >= CHECKPOINT_NANOS) && checkpoints.idle();
                        hashing.hand(read, checkpoint);
                        progress.update(received, total);
                        throttle.pay(read, abort);
                        floor.check(read, exchange.url());
                        if (checkpoint && checkpoints.start(received)) {
                            checkpointBytes = received;
                            checkpointTime = System.nanoTime();
                        } else if (ledger.unstored()) {
                            checkpoints.storeChunks();
                        }
                        long now = System.nanoTime();
                        if (handover != null && now >= nextHandoverLook && !throttle.heldBackRecently()) {
                            nextHandoverLook = now + HANDOVER_LOOK_NANOS;
                            if (handover.now(received, (received - offset) * 1e9 / (now - began))) {
                                handedOver = true;
                                break;
                            }
                        }
                    }
                    if (!handedOver) {
                        exchange.bodyConsumed();
                    }
                    whole = !handedOver && (total < 0 || received == total);
                } catch (ConnectionClosedException closedEarly) {
                    throw NetworkFailures.truncated(exchange.url(), received, total);
                } finally {
                    checkpoints.finish();
                    // whatever ended the loop, the bytes written so far are kept: for the name, or a resume,
                    // with the hash of them all
                    part.force();
                    hashing.drain();
                    durability.durable(received, total, whole);
                }
            }
            if (handedOver) {
                return received;
            }
            if (total >= 0 && received != total) {
                throw NetworkFailures.truncated(exchange.url(), received, total);
            }
            progress.reportEnd(received, total);
            return received;
        }
    }

    /** @return a chunk size that does not hold much more than a small body */
    private static int chunkSize(long expected) {
        return expected < 0 || expected >= BUFFER_SIZE ? BUFFER_SIZE : Math.max(MIN_BUFFER_SIZE, (int) expected);
    }
}
