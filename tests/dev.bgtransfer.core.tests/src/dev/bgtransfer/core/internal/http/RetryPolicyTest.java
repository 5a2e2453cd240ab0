package dev.bgtransfer.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferOptions;

/** Backoff, jitter, the cap, Retry-After and the retry budget. */
class RetryPolicyTest {
    private static final int DRAWS = 2_000;
    private static final TransferFailure FAILURE = new TransferFailure(TransferFailure.Kind.NETWORK, "dropped");
    private static final TransferException TRANSIENT = new TransferException(FAILURE, true, null);

    private final RetryPolicy policy = new RetryPolicy(TransferOptions.DEFAULTS.withRetries(5, Duration.ofMillis(500)));

    @ParameterizedTest
    @CsvSource({ "1,500", "2,1000", "3,2000", "4,4000", "7,32000" })
    void theDelayDoublesWithinTwentyPercentEitherWay(int retry, long nominalMillis) {
        double[] factors = IntStream.range(0, DRAWS)
                .mapToDouble(draw -> policy.delay(TRANSIENT, retry).toNanos() / (nominalMillis * 1e6)).toArray();

        for (double factor : factors) {
            assertTrue(factor >= 0.8 && factor <= 1.2, "retry " + retry + ": " + factor + " of the nominal delay");
        }
        assertTrue(IntStream.range(0, DRAWS).anyMatch(i -> factors[i] < 0.85), "jitter reaches down");
        assertTrue(IntStream.range(0, DRAWS).anyMatch(i -> factors[i] > 1.15), "jitter reaches up");
    }

    @ParameterizedTest
    @CsvSource({ "8", "9", "21", "1000", "2147483647" })
    void theDelayIsCappedAtSixtySecondsStillJitteredBelowIt(int retry) {
        long lowest = Long.MAX_VALUE;
        for (int draw = 0; draw < DRAWS; draw++) {
            Duration delay = policy.delay(TRANSIENT, retry);
            assertTrue(delay.compareTo(TransferOptions.MAX_RETRY_DELAY) <= 0, delay.toString());
            assertTrue(delay.compareTo(Duration.ofSeconds(48)) >= 0, delay.toString());
            lowest = Math.min(lowest, delay.toMillis());
        }
        assertTrue(lowest < 51_000, "jittered below the cap: " + lowest + " ms at the lowest");
    }

    @ParameterizedTest
    @CsvSource({ "0,0", "5,5", "59,59", "60,60", "61,60", "3600,60", "9223372036854775807,60" })
    void retryAfterWinsWithinTheCapWithoutJitter(long askedSeconds, long expectedSeconds) {
        TransferException asked = new TransferException(FAILURE, true, Duration.ofSeconds(askedSeconds), null);
        for (int retry : new int[] { 1, 3, 30 }) {
            assertEquals(Duration.ofSeconds(expectedSeconds), policy.delay(asked, retry));
        }
    }

    @Test
    void theBudgetCountsRetriesOfTransientFailuresOnly() {
        assertTrue(policy.allows(TRANSIENT, 1));
        assertTrue(policy.allows(TRANSIENT, 5));
        assertFalse(policy.allows(TRANSIENT, 6));
        assertFalse(policy.allows(new TransferException(FAILURE, false, null), 1));
        assertFalse(policy.allows(TransferException.noSpace(FAILURE, null), 1));
        assertFalse(new RetryPolicy(TransferOptions.DEFAULTS.withRetries(0, Duration.ofSeconds(1))).allows(TRANSIENT, 1));
    }
}
