package dev.bgtransfer.ui.internal.view;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/** Estimates the rate of a running transfer from samples of its byte count, smoothed. */
final class SpeedMeter {
    private static final long MIN_INTERVAL_NANOS = 250_000_000L;
    private static final double SMOOTHING = 0.3;

    private long sampleNanos = -1;
    private long sampleBytes;
    private double bytesPerSecond = -1;

    /** Records that {@code bytes} were held at {@code nanos} ({@link System#nanoTime()}). */
    void sample(long nanos, long bytes) {
        if (sampleNanos < 0 || bytes < sampleBytes) {
            sampleNanos = nanos;
            sampleBytes = bytes;
            bytesPerSecond = -1;
            return;
        }
        long elapsed = nanos - sampleNanos;
        if (elapsed < MIN_INTERVAL_NANOS) {
            return;
        }
        double rate = (bytes - sampleBytes) * 1e9 / elapsed;
        bytesPerSecond = bytesPerSecond < 0 ? rate : bytesPerSecond + SMOOTHING * (rate - bytesPerSecond);
        sampleNanos = nanos;
        sampleBytes = bytes;
    }

    /** Forgets the samples, e.g. when the transfer stops running. */
    void reset() {
        sampleNanos = -1;
        bytesPerSecond = -1;
    }

    /** @return the smoothed rate, once two samples far enough apart were seen */
    OptionalDouble bytesPerSecond() {
        return bytesPerSecond < 0 ? OptionalDouble.empty() : OptionalDouble.of(bytesPerSecond);
    }

    /** @return the time the remaining bytes take at the current rate, when both are known */
    Optional<Duration> timeLeft(long remainingBytes) {
        if (bytesPerSecond <= 0 || remainingBytes < 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds((long) Math.ceil(remainingBytes / bytesPerSecond)));
    }
}
