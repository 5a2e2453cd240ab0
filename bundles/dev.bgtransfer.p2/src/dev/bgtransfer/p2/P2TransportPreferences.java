package dev.bgtransfer.p2;

/**
 * The switch that sends p2's artifact downloads (Help &gt; Install New Software, Check for Updates,
 * the p2 director) through the background transfer service: a boolean in the preference node
 * {@link #NODE}, key {@link #ARTIFACTS_THROUGH_SERVICE}, read in the instance scope (the workspace),
 * then the configuration scope (an administrator's setting for an installation), then
 * {@link #ARTIFACTS_THROUGH_SERVICE_DEFAULT}. It is read for every artifact, so a change applies to
 * the next artifact without a restart.
 * <p>
 * On by default: whoever installed bgtransfer into an IDE installed it for downloads that resume, and
 * everything the service cannot serve falls back to the platform's transport, so the worst case with
 * it on is p2's own behaviour. Turning it off gives p2 its own transport for everything.
 */
public final class P2TransportPreferences {

    /** The preference node: the bundle's symbolic name. */
    public static final String NODE = "dev.bgtransfer.p2"; //$NON-NLS-1$

    /** Whether p2's http(s) artifacts are downloaded through the service (boolean). */
    public static final String ARTIFACTS_THROUGH_SERVICE = "artifactsThroughService"; //$NON-NLS-1$

    /** {@link #ARTIFACTS_THROUGH_SERVICE} when no scope sets it. */
    public static final boolean ARTIFACTS_THROUGH_SERVICE_DEFAULT = true;

    private P2TransportPreferences() {
    }
}
