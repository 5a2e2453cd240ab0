package dev.bgtransfer.core.internal.upload;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.bgtransfer.core.internal.http.ConnectionAbort;

/**
 * Breaks the connection of an upload whose server has taken none of the body for the stall
 * timeout. A blocked socket write has no timeout of its own (the socket's covers reads only), so
 * a server that stops reading would hold the upload forever; broken, the write fails, and the
 * upload is retried from the server's offset.
 */
final class WriteWatchdog implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bgtransfer upload watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final long timeoutNanos;
    private final ConnectionAbort connection;
    private final ScheduledFuture<?> looking;
    private volatile long lastWrite = System.nanoTime();
    private volatile boolean writing = true;
    private volatile boolean fired;

    WriteWatchdog(ConnectionAbort connection, Duration timeout) {
        this.connection = connection;
        this.timeoutNanos = timeout.toNanos();
        long period = Math.max(50, Math.min(1000, timeout.toMillis() / 4));
        this.looking = TIMER.scheduleWithFixedDelay(this::look, period, period, TimeUnit.MILLISECONDS);
    }

    /** Bytes of the body went out; {@code all} when it was the last of them (the response's wait is the socket's). */
    void wrote(boolean all) {
        lastWrite = System.nanoTime();
        writing = !all;
    }

    /** @return whether it broke the connection */
    boolean fired() {
        return fired;
    }

    private void look() {
        if (writing && !fired && System.nanoTime() - lastWrite > timeoutNanos) {
            fired = true;
            connection.discardConnection();
        }
    }

    @Override
    public void close() {
        looking.cancel(false);
    }
}
