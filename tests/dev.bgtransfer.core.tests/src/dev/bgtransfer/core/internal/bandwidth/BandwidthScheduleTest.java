package dev.bgtransfer.core.internal.bandwidth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.RateSchedule;
import dev.bgtransfer.core.internal.http.ConnectionAbort;

/**
 * The overall limit follows the time of day on the clock it is given: a clock moved past the start of
 * a window changes the limit that running throttles are held to within about a second, with no wait for
 * the hours in between.
 */
class BandwidthScheduleTest {
    private static final long RATE = 200_000;

    /** A clock a test moves at will. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(LocalTime time) {
            set(time);
        }

        void set(LocalTime time) {
            now = LocalDateTime.of(2026, 12, 5, time.getHour(), time.getMinute()).toInstant(ZoneOffset.UTC);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** @return the bytes per second {@code throttle} let through in steps of its size over {@code millis} */
    private static double paidRate(Throttle throttle, long millis) {
        ConnectionAbort abort = new ConnectionAbort();
        long bytes = 0;
        long began = System.nanoTime();
        long end = began + millis * 1_000_000;
        while (System.nanoTime() < end) {
            int step = throttle.stepSize(64 * 1024);
            throttle.pay(step, abort);
            bytes += step;
        }
        return bytes * 1e9 / (System.nanoTime() - began);
    }

    @Test
    void aWindowThatOpensLiftsTheLimitOfARunningThrottleAndOneThatClosesSetsIt() {
        MovableClock clock = new MovableClock(LocalTime.of(21, 58));
        Bandwidth bandwidth = new Bandwidth(clock);
        bandwidth.setOverall(RateSchedule.of(RateLimit.of(RATE)).withWindow(LocalTime.of(22, 0), LocalTime.of(6, 0),
                RateLimit.UNLIMITED));
        Throttle throttle = bandwidth.throttle(1, "session", "host");

        double before = paidRate(throttle, 1500);
        assertTrue(Math.abs(before - RATE) < RATE * 0.1, "1 MB/s otherwise, measured " + before);

        clock.set(LocalTime.of(22, 0));
        paidRate(throttle, 1100);
        assertEquals(RateLimit.UNLIMITED, bandwidth.overallNow(), "the window opened within a second");
        double inside = paidRate(throttle, 500);
        assertTrue(inside > RATE * 20, "full speed within the window, measured " + inside);

        clock.set(LocalTime.of(6, 0));
        paidRate(throttle, 1100);
        assertEquals(RateLimit.of(RATE), bandwidth.overallNow(), "the window closed within a second");
        double after = paidRate(throttle, 1500);
        assertTrue(Math.abs(after - RATE) < RATE * 0.1, "limited again, measured " + after);
    }

    @Test
    void aWaitEndsAtOnceWhenTheConnectionIsAborted() throws Exception {
        Bandwidth bandwidth = new Bandwidth(Clock.systemDefaultZone());
        bandwidth.setTransfer(7, RateLimit.of(1000));
        Throttle throttle = bandwidth.throttle(7, "session", "host");
        ConnectionAbort abort = new ConnectionAbort();
        // a second's worth of debt, paid for on another thread that is then aborted
        Thread payer = Thread.ofVirtual().start(() -> {
            throttle.pay(1000, abort);
            throttle.pay(1000, abort);
        });
        // just after a slice of the wait began: a wait that only looked now and then would go on for a while
        Thread.sleep(280);
        long aborting = System.nanoTime();
        abort.abort();
        payer.join(2000);
        long millis = (System.nanoTime() - aborting) / 1_000_000;

        assertTrue(!payer.isAlive() && millis < 50, "the wait ended " + millis + " ms after the abort");
    }
}
