package dev.bgtransfer.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * A response body streaming a slice of generated content in small chunks, optionally throttled and
 * optionally cut off after a number of bytes by closing the connection.
 */
final class GeneratedBodyEntity extends AbstractHttpEntity {

    private static final int MAX_CHUNK = 64 * 1024;
    private static final int MIN_CHUNK = 256;
    /** Throttled bodies are written in about this many chunks per second. */
    private static final int CHUNKS_PER_SECOND = 20;
    private static final long MAX_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final long seed;
    private final long offset;
    private final long length;
    private final boolean chunked;
    private final LongSupplier rate;
    private final long dropAfter;
    private final BooleanSupplier stopped;
    private final LongConsumer served;
    private volatile TrackedConnection connection;

    /**
     * @param seed      the content seed
     * @param offset    the first content byte to send
     * @param length    the number of bytes to send
     * @param chunked   whether to use chunked encoding (no Content-Length)
     * @param rate      supplies the current rate limit in bytes per second, 0 = unlimited
     * @param dropAfter body bytes after which to close the connection, -1 = never
     * @param stopped   whether the server is shutting down
     * @param served    hears the body bytes each write handed to the connection
     */
    GeneratedBodyEntity(long seed, long offset, long length, boolean chunked, LongSupplier rate, long dropAfter,
            BooleanSupplier stopped, LongConsumer served) {
        super(ContentType.APPLICATION_OCTET_STREAM, null, chunked);
        this.seed = seed;
        this.offset = offset;
        this.length = length;
        this.chunked = chunked;
        this.rate = rate;
        this.dropAfter = dropAfter;
        this.stopped = stopped;
        this.served = served;
    }

    /** Called by the connection right before the body is written, so the body can drop it. */
    void attach(TrackedConnection conn) {
        this.connection = conn;
    }

    @Override
    public long getContentLength() {
        return chunked ? -1 : length;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public InputStream getContent() {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                final byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] target, int targetOffset, int count) {
                if (position >= length) {
                    return -1;
                }
                final int n = (int) Math.min(count, length - position);
                ContentGenerator.fill(seed, offset + position, target, targetOffset, n);
                position += n;
                return n;
            }
        };
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        final byte[] buffer = new byte[(int) Math.min(MAX_CHUNK, Math.max(length, 1))];
        long sent = 0;
        long currentRate = rate.getAsLong();
        long anchorNanos = System.nanoTime();
        long anchorBytes = 0;
        while (sent < length) {
            if (dropAfter >= 0 && sent >= dropAfter) {
                drop(out, sent);
            }
            checkRunning();
            final long newRate = rate.getAsLong();
            if (newRate != currentRate) {
                currentRate = newRate;
                anchorNanos = System.nanoTime();
                anchorBytes = sent;
            }
            long count = Math.min(Math.min(chunkSize(currentRate), buffer.length), length - sent);
            if (dropAfter >= 0) {
                count = Math.min(count, dropAfter - sent);
            }
            ContentGenerator.fill(seed, offset + sent, buffer, 0, (int) count);
            out.write(buffer, 0, (int) count);
            out.flush();
            served.accept(count);
            sent += count;
            final boolean more = sent < length && (dropAfter < 0 || sent < dropAfter);
            if (more && currentRate > 0) {
                pace(anchorNanos, sent - anchorBytes, currentRate);
            }
        }
        out.flush();
    }

    private static long chunkSize(long bytesPerSecond) {
        if (bytesPerSecond <= 0) {
            return MAX_CHUNK;
        }
        return Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, bytesPerSecond / CHUNKS_PER_SECOND));
    }

    /** Sleeps until {@code bytes} are due at {@code bytesPerSecond}, or until the rate changes. */
    private void pace(long anchorNanos, long bytes, long bytesPerSecond) throws IOException {
        final long due = anchorNanos + (long) (bytes * 1e9 / bytesPerSecond);
        while (true) {
            final long remaining = due - System.nanoTime();
            if (remaining <= 0 || rate.getAsLong() != bytesPerSecond) {
                return;
            }
            checkRunning();
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(remaining, MAX_SLEEP_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while throttling");
            }
        }
    }

    private void checkRunning() throws IOException {
        if (stopped.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("Server stopping");
        }
    }

    /**
     * Flushes what was sent, closes the connection (the client gets the bytes, then end of stream)
     * and aborts the exchange. Closing before throwing matters: otherwise HttpCore would finish a
     * chunked body properly when it closes the content stream.
     */
    private void drop(OutputStream out, long sent) throws IOException {
        out.flush();
        final TrackedConnection conn = connection;
        if (conn != null) {
            conn.drop();
        }
        throw new DroppedConnectionException(sent);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
