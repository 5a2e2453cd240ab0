package dev.bgtransfer.junit;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

import dev.bgtransfer.samples.internal.http.PacedBody;

/**
 * The body of a {@link TestFile}: the sample server's {@link PacedBody} with the test knobs, sent
 * chunked if asked, cut off after a number of bytes by closing the connection, stopped with the
 * server, and counting the bytes that reach the connection.
 */
final class TestBody extends PacedBody {
    private final long length;
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
     * @param served    hears the body bytes each flush handed to the connection
     */
    TestBody(long seed, long offset, long length, boolean chunked, LongSupplier rate, long dropAfter,
            BooleanSupplier stopped, LongConsumer served) {
        super(seed, offset, length, rate, chunked);
        this.length = length;
        this.dropAfter = dropAfter;
        this.stopped = stopped;
        this.served = served;
    }

    /** Called by the connection right before the body is written, so the body can drop it. */
    void attach(TrackedConnection conn) {
        this.connection = conn;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        super.writeTo(new Knobs(out));
    }

    @Override
    protected void checkRunning() throws IOException {
        if (stopped.getAsBoolean()) {
            throw new InterruptedIOException("Server stopping");
        }
        super.checkRunning();
    }

    /** Counts what each flush hands to the connection, and drops it at {@code dropAfter}. */
    private final class Knobs extends OutputStream {
        private final OutputStream out;
        private long written;
        private long unflushed;

        Knobs(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int count) throws IOException {
            int allowed = dropAfter < 0 ? count : (int) Math.min(count, dropAfter - written);
            if (allowed > 0) {
                out.write(bytes, offset, allowed);
                written += allowed;
                unflushed += allowed;
            }
            if (dropAfter >= 0 && written >= dropAfter && written < length) {
                drop();
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
            if (unflushed > 0) {
                served.accept(unflushed);
                unflushed = 0;
            }
        }

        /**
         * Flushes what was sent, closes the connection (the client gets the bytes, then end of
         * stream) and aborts the exchange. Closing before throwing matters: otherwise HttpCore would
         * finish a chunked body properly when it closes the content stream.
         */
        private void drop() throws IOException {
            flush();
            TrackedConnection conn = connection;
            if (conn != null) {
                conn.drop();
            }
            throw new DroppedConnectionException(written);
        }
    }
}
