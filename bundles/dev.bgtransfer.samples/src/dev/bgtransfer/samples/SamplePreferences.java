package dev.bgtransfer.samples;

/**
 * Settings of the {@link SampleServer}. Each is read from the framework (or system) property
 * first, then from the instance-scope preference node {@link #NODE}; preference changes apply at
 * once, also to responses already streaming.
 */
public final class SamplePreferences {

    /** The preference node's name (the bundle's symbolic name). */
    public static final String NODE = "dev.bgtransfer.samples";

    /** long: body bytes per second per response, 0 for unlimited. Default {@link #DEFAULT_BYTES_PER_SECOND}. */
    public static final String BYTES_PER_SECOND = "bytesPerSecond";

    /** The framework property that overrides {@link #BYTES_PER_SECOND}. */
    public static final String BYTES_PER_SECOND_PROPERTY = "dev.bgtransfer.samples.bytesPerSecond";

    /** int: the port to listen on; 0 (the default) reuses the previous run's port when free, else an ephemeral one. */
    public static final String PORT_PROPERTY = "dev.bgtransfer.samples.port";

    /** The framework property naming a file to which the server appends one line per request: method, path, Range, status. */
    public static final String ACCESS_LOG_PROPERTY = "dev.bgtransfer.samples.accessLog";

    /**
     * The framework property {@code USER:PASSWORD}: when set, every file asks for these credentials
     * with HTTP Basic, to try the sign-in of the view and the command line.
     */
    public static final String USER_PROPERTY = "dev.bgtransfer.samples.user";

    /** 1 MB/s: the largest file takes about half a minute, so its progress is easy to follow. */
    public static final long DEFAULT_BYTES_PER_SECOND = 1_000_000;

    private SamplePreferences() {
    }
}
