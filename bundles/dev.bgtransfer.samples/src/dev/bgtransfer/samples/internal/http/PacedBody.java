package dev.bgtransfer.samples.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * A response body of seeded content, written in slices of about a twentieth of a second each and
 * paced to the current rate; a rate change applies at once, also while waiting for the next slice.
 * Every slice is flushed, so the client gets the bytes when they are due.
 */
public class PacedBody extends AbstractHttpEntity {
    private static final int MAX_SLICE = 64 * 1024;
    private static final int MIN_SLICE = 256;
    private static final int SLICES_PER_SECOND = 20;
    private static final long MAX_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final long seed;
    private final long offset;
    private final long length;
    private final LongSupplier bytesPerSecond;

    /**
     * @param seed           the content's seed
     * @param offset         the first content byte to send
     * @param length         how many bytes to send
     * @param bytesPerSecond the current rate, read before every slice; 0 for unlimited
     */
    public PacedBody(long seed, long offset, long length, LongSupplier bytesPerSecond) {
        this(seed, offset, length, bytesPerSecond, false);
    }

    /** @param chunked whether to send the body chunked, without a {@code Content-Length} */
    protected PacedBody(long seed, long offset, long length, LongSupplier bytesPerSecond, boolean chunked) {
        super(ContentType.APPLICATION_OCTET_STREAM, null, chunked);
        this.seed = seed;
        this.offset = offset;
        this.length = length;
        this.bytesPerSecond = bytesPerSecond;
    }

    @Override
    public long getContentLength() {
        return isChunked() ? -1 : length;
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
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] target, int targetOffset, int count) {
                if (position >= length) {
                    return -1;
                }
                int n = (int) Math.min(count, length - position);
                SeededContent.fill(seed, offset + position, target, targetOffset, n);
                position += n;
                return n;
            }
        };
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        byte[] slice = new byte[(int) Math.min(MAX_SLICE, Math.max(length, 1))];
        long sent = 0;
        long rate = bytesPerSecond.getAsLong();
        long since = System.nanoTime();
        long sentSince = 0;
        while (sent < length) {
            checkRunning();
            long now = bytesPerSecond.getAsLong();
            if (now != rate) {
                rate = now;
                since = System.nanoTime();
                sentSince = 0;
            }
            int count = (int) Math.min(Math.min(sliceSize(rate), slice.length), length - sent);
            SeededContent.fill(seed, offset + sent, slice, 0, count);
            out.write(slice, 0, count);
            out.flush();
            sent += count;
            sentSince += count;
            if (rate > 0 && sent < length) {
                pace(since, sentSince, rate);
            }
        }
        out.flush();
    }

    /**
     * Called before every slice and while waiting for one.
     *
     * @throws IOException to stop writing; here when the thread is interrupted (the server stops)
     */
    protected void checkRunning() throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("The server is stopping");
        }
    }

    private static long sliceSize(long rate) {
        return rate <= 0 ? MAX_SLICE : Math.clamp(rate / SLICES_PER_SECOND, MIN_SLICE, MAX_SLICE);
    }

    /** Waits until {@code bytes} are due at {@code rate} since {@code sinceNanos}, or until the rate changes. */
    private void pace(long sinceNanos, long bytes, long rate) throws IOException {
        long due = sinceNanos + (long) (bytes * 1e9 / rate);
        for (long remaining = due - System.nanoTime(); remaining > 0 && bytesPerSecond.getAsLong() == rate;
                remaining = due - System.nanoTime()) {
            checkRunning();
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(remaining, MAX_SLEEP_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("The server is stopping");
            }
        }
    }

    @Override
    public void close() {
        // nothing held
    }
}
