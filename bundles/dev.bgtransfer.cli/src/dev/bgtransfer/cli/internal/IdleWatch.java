package dev.bgtransfer.cli.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Ends a daemon after it was idle for a while: looks every tenth of that time (between 0.1 and 5
 * seconds) whether it is busy, and once it has not been for the whole time, asks it to exit if it
 * is still idle (it looks again under its own lock, as a client may have come meanwhile).
 */
final class IdleWatch implements Runnable {
    private final Duration idleExit;
    private final BooleanSupplier busy;
    private final BooleanSupplier exitIfIdle;

    IdleWatch(Duration idleExit, BooleanSupplier busy, BooleanSupplier exitIfIdle) {
        this.idleExit = idleExit;
        this.busy = busy;
        this.exitIfIdle = exitIfIdle;
    }

    void start() {
        Thread.ofPlatform().daemon().name("bgtransfer idle exit").start(this);
    }

    @Override
    public void run() {
        long interval = Math.clamp(idleExit.toMillis() / 10, 100, 5_000);
        long quietSince = System.nanoTime();
        try {
            while (true) {
                Thread.sleep(interval);
                if (busy.getAsBoolean()) {
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince >= idleExit.toNanos()) {
                    if (exitIfIdle.getAsBoolean()) {
                        return;
                    }
                    quietSince = System.nanoTime();
                }
            }
        } catch (InterruptedException ended) {
            Thread.currentThread().interrupt();
        }
    }
}
