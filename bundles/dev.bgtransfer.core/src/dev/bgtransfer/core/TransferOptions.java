package dev.bgtransfer.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.internal.RequestMessages;

/**
 * How the service moves bytes.
 *
 * @param maxConnectionsPerHost never more concurrent connections to one host (1 to 64; default 5),
 *                              counting the further connections of a download fetched in slices
 *                              (see {@link TransferService})
 * @param connectTimeout        the longest wait for a connection to be established
 * @param stallTimeout          the longest time a connection may deliver no bytes
 * @param maxRedirects          redirects followed before the transfer fails
 * @param maxRetries            retries of a transient failure (network, 408, 429, 5xx) before the
 *                              transfer fails; each resumes from the bytes on disk
 * @param firstRetryDelay       the wait before the first retry; it doubles with each retry up to
 *                              {@link #MAX_RETRY_DELAY}, unless the server's Retry-After says otherwise
 * @param minimumSpeed          bytes per second a connection must keep up over {@code speedWindow}, or
 *                              it is dropped and retried (a drip-feeding server); 0 for no minimum
 * @param speedWindow           the span over which the minimum speed is measured
 * @param maxSpaceWait          how long a transfer whose disk is full waits for room, its bytes kept, before it
 *                              fails with "no space"; empty: until there is room or it is paused or stopped
 *                              (the default); zero: it fails at once
 * @param onlyResumable         whether only resumable downloads run (off by default): a download whose
 *                              server's first answer does not show it resumable ({@link Resumability}:
 *                              byte ranges and a validator) fails at that answer, before a byte is written
 *                              or a file created, with {@link TransferFailure.Kind#NOT_RESUMABLE} and the
 *                              reason; its first request asks {@code Range: bytes=0-}, so that a server that
 *                              serves ranges says so with no request more. For people who would rather not
 *                              start what a dropped connection or a pause would make them fetch again
 *                              (aria2's users asked for it). Uploads are not held back: whether their server
 *                              takes resumption shows only once the file is being sent (see
 *                              {@link Transfer#resumability()}).
 */
public record TransferOptions(int maxConnectionsPerHost, Duration connectTimeout, Duration stallTimeout,
        int maxRedirects, int maxRetries, Duration firstRetryDelay, long minimumSpeed, Duration speedWindow,
        Optional<Duration> maxSpaceWait, boolean onlyResumable) {

    /** No wait between retries is longer than this, whatever the server asks for. */
    public static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(60);

    /**
     * The defaults: 5 per host (NSURLSession's HTTPMaximumConnectionsPerHost), 30 s to connect, 30 s
     * of stall, 10 redirects, 5 retries from 1 s, no minimum speed (measured over 30 s when set), a full
     * disk waited out for as long as it takes.
     */
    public static final TransferOptions DEFAULTS = new TransferOptions(5, Duration.ofSeconds(30),
            Duration.ofSeconds(30), 10, 5, Duration.ofSeconds(1), 0, Duration.ofSeconds(30), Optional.empty(), false);

    public TransferOptions {
        if (maxConnectionsPerHost < 1 || maxConnectionsPerHost > 64) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.optionsConnections, maxConnectionsPerHost));
        }
        requirePositive(Objects.requireNonNull(connectTimeout, "connectTimeout"), RequestMessages.optionsConnectTimeout);
        requirePositive(Objects.requireNonNull(stallTimeout, "stallTimeout"), RequestMessages.optionsStallTimeout);
        requirePositive(Objects.requireNonNull(firstRetryDelay, "firstRetryDelay"), RequestMessages.optionsFirstRetryDelay);
        if (maxRedirects < 0) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.optionsRedirects, maxRedirects));
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.optionsRetries, maxRetries));
        }
        if (minimumSpeed < 0) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.optionsMinimumSpeed, minimumSpeed));
        }
        requirePositive(Objects.requireNonNull(speedWindow, "speedWindow"), RequestMessages.optionsSpeedWindow);
        if (Objects.requireNonNull(maxSpaceWait, "maxSpaceWait").filter(Duration::isNegative).isPresent()) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.optionsSpaceWait, maxSpaceWait.get()));
        }
    }

    /** Options that let every download run, resumable or not. */
    public TransferOptions(int maxConnectionsPerHost, Duration connectTimeout, Duration stallTimeout,
            int maxRedirects, int maxRetries, Duration firstRetryDelay, long minimumSpeed, Duration speedWindow,
            Optional<Duration> maxSpaceWait) {
        this(maxConnectionsPerHost, connectTimeout, stallTimeout, maxRedirects, maxRetries, firstRetryDelay,
                minimumSpeed, speedWindow, maxSpaceWait, false);
    }

    /** @return a copy in which only resumable downloads run, or every download */
    public TransferOptions withOnlyResumable(boolean only) {
        return new TransferOptions(maxConnectionsPerHost, connectTimeout, stallTimeout, maxRedirects, maxRetries,
                firstRetryDelay, minimumSpeed, speedWindow, maxSpaceWait, only);
    }

    /** @return a copy with another per-host connection limit */
    public TransferOptions withMaxConnectionsPerHost(int max) {
        return new TransferOptions(max, connectTimeout, stallTimeout, maxRedirects, maxRetries, firstRetryDelay,
                minimumSpeed, speedWindow, maxSpaceWait, onlyResumable);
    }

    /** @return a copy with another stall timeout */
    public TransferOptions withStallTimeout(Duration timeout) {
        return new TransferOptions(maxConnectionsPerHost, connectTimeout, timeout, maxRedirects, maxRetries,
                firstRetryDelay, minimumSpeed, speedWindow, maxSpaceWait, onlyResumable);
    }

    /** @return a copy with another retry budget and first delay */
    public TransferOptions withRetries(int retries, Duration firstDelay) {
        return new TransferOptions(maxConnectionsPerHost, connectTimeout, stallTimeout, maxRedirects, retries,
                firstDelay, minimumSpeed, speedWindow, maxSpaceWait, onlyResumable);
    }

    /** @return a copy that drops a connection slower than {@code bytesPerSecond} over {@code window} (0: no minimum) */
    public TransferOptions withMinimumSpeed(long bytesPerSecond, Duration window) {
        return new TransferOptions(maxConnectionsPerHost, connectTimeout, stallTimeout, maxRedirects, maxRetries,
                firstRetryDelay, bytesPerSecond, window, maxSpaceWait, onlyResumable);
    }

    /** @return a copy whose transfers wait at most {@code bound} for room on a full disk (empty: no bound) */
    public TransferOptions withMaxSpaceWait(Optional<Duration> bound) {
        return new TransferOptions(maxConnectionsPerHost, connectTimeout, stallTimeout, maxRedirects, maxRetries,
                firstRetryDelay, minimumSpeed, speedWindow, bound, onlyResumable);
    }

    /** @param sentence says which duration must be positive, with {0} for the value given */
    private static void requirePositive(Duration duration, String sentence) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(NLS.bind(sentence, duration));
        }
    }
}
