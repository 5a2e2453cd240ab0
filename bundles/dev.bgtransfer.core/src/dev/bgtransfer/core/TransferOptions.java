package dev.bgtransfer.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How the service moves bytes.
 *
 * @param maxConnectionsPerHost never more concurrent connections to one host (1 to 64; default 5)
 * @param connectTimeout        the longest wait for a connection to be established
 * @param stallTimeout          the longest time a connection may deliver no bytes
 * @param maxRedirects          redirects followed before the transfer fails
 */
public record TransferOptions(int maxConnectionsPerHost, Duration connectTimeout, Duration stallTimeout,
        int maxRedirects) {

    /** The defaults: 5 per host (NSURLSession's HTTPMaximumConnectionsPerHost), 30 s, 30 s, 10. */
    public static final TransferOptions DEFAULTS = new TransferOptions(5, Duration.ofSeconds(30),
            Duration.ofSeconds(30), 10);

    public TransferOptions {
        if (maxConnectionsPerHost < 1 || maxConnectionsPerHost > 64) {
            throw new IllegalArgumentException("Connections per host must be between 1 and 64, not " + maxConnectionsPerHost);
        }
        requirePositive(Objects.requireNonNull(connectTimeout, "connectTimeout"), "connect timeout");
        requirePositive(Objects.requireNonNull(stallTimeout, "stallTimeout"), "stall timeout");
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("Redirects must not be negative: " + maxRedirects);
        }
    }

    /** @return a copy with another per-host connection limit */
    public TransferOptions withMaxConnectionsPerHost(int max) {
        return new TransferOptions(max, connectTimeout, stallTimeout, maxRedirects);
    }

    /** @return a copy with another stall timeout */
    public TransferOptions withStallTimeout(Duration timeout) {
        return new TransferOptions(maxConnectionsPerHost, connectTimeout, timeout, maxRedirects);
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("The " + what + " must be positive: " + duration);
        }
    }
}
