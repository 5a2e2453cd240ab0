package dev.bgtransfer.cli.internal;

import java.time.Duration;
import java.util.Optional;

import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.TransferOptions;

/**
 * What a command's options ask of the command line's session ({@code --max-per-host},
 * {@code --timeout}, {@code --retries}, {@code --wait-for-space}, {@code --only-resumable}); what they
 * leave out stays as the service has it, but for {@code --only-resumable}, which holds for the command
 * that gives it: a {@code get} without it lets every download run, as before it existed.
 * {@code limitRate} ({@code --limit-rate}) is each transfer's own limit, as curl's is: it is set on
 * every transfer the command starts or continues, and kept with it.
 */
record SessionOptions(Optional<Integer> maxPerHost, Optional<Duration> stallTimeout, Optional<Integer> retries,
        Optional<Duration> spaceWait, boolean onlyResumable, Optional<RateLimit> limitRate) {

    /** A full disk is waited out this long, unless {@code --wait-for-space} says otherwise: a command always ends. */
    static final Duration DEFAULT_SPACE_WAIT = Duration.ofSeconds(60);

    /** No option given: the service's options, with {@link #DEFAULT_SPACE_WAIT}. */
    static final SessionOptions NONE = new SessionOptions(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), false, Optional.empty());

    /** @return {@code base} changed as these options ask */
    TransferOptions over(TransferOptions base) {
        TransferOptions options = base.withMaxSpaceWait(Optional.of(spaceWait.orElse(DEFAULT_SPACE_WAIT)))
                .withOnlyResumable(onlyResumable);
        if (maxPerHost.isPresent()) {
            options = options.withMaxConnectionsPerHost(maxPerHost.get());
        }
        if (stallTimeout.isPresent()) {
            options = options.withStallTimeout(stallTimeout.get());
        }
        if (retries.isPresent()) {
            options = options.withRetries(retries.get(), options.firstRetryDelay());
        }
        return options;
    }
}
