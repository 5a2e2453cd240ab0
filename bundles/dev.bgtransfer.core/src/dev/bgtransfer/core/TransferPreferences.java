package dev.bgtransfer.core;

/**
 * The service's preferences, in the instance scope node {@link #NODE} (workspace metadata in an
 * IDE, the instance area in the product). The service reads them at start and follows changes at
 * once; a preference page or another bundle only writes them (the service itself writes the two
 * bandwidth preferences when they are set through its API, so that they hold after a restart). Their defaults are in the default
 * scope of the same node, filled by the core from {@link TransferOptions#DEFAULTS} the first time it is
 * read: read them there ({@code DefaultScope.INSTANCE.getNode(NODE)}, or a preference store over the
 * node) rather than repeating them.
 */
public final class TransferPreferences {

    /** The preference node's name (the core bundle's symbolic name). */
    public static final String NODE = "dev.bgtransfer.core";

    /** int, 1 to 16: never more concurrent connections to one host. Default 5. */
    public static final String MAX_CONNECTIONS_PER_HOST = "maxConnectionsPerHost";

    /** boolean: transfers that were queued or running when the application ended continue at start. Default true. */
    public static final String CONTINUE_UNFINISHED = "continueUnfinished";

    /** int, seconds: the longest a connection may deliver no bytes. Default 30. */
    public static final String STALL_TIMEOUT_SECONDS = "stallTimeoutSeconds";

    /** long, bytes per second: a connection slower than this over 30 s is dropped and retried. Default 0 (none). */
    public static final String MINIMUM_SPEED = "minimumSpeed";

    /**
     * String: the overall bandwidth limit, as {@link RateSchedule#toText()} writes it, for example
     * {@code 1m 22:00-06:00=0} (1 MiB/s, unlimited from 22:00 to 06:00). Default empty: no limit.
     * {@link TransferService#setOverallLimit(RateSchedule)} writes it.
     */
    public static final String OVERALL_RATE_LIMIT = "overallRateLimit";

    /**
     * String: the bandwidth limit of each host, {@code HOST=RATE} separated by spaces, the rate in curl's
     * syntax ({@link RateLimit#parse(String)}). Default empty. {@link TransferService#setHostLimit} writes it.
     */
    public static final String HOST_RATE_LIMITS = "hostRateLimits";

    /** The highest per-host limit the preference accepts. */
    public static final int MAX_CONNECTIONS_PER_HOST_LIMIT = 16;

    private TransferPreferences() {
    }
}
