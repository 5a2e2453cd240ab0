package dev.bgtransfer.core.internal.http;

import org.eclipse.osgi.util.NLS;

/** The texts of the HTTP layer that a person reads: what the network, a server or a proxy did. */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.core.internal.http.messages"; //$NON-NLS-1$

    public static String httpStatus;
    public static String credentialsAnswered;
    public static String backoffRetryAfter;
    public static String backoffRetryAfterCapped;
    public static String backoffExponential;
    public static String tooManyRedirects;
    public static String redirectLoop;
    public static String redirectWithoutLocation;
    public static String redirectToPlainHttp;
    public static String redirectUnsupported;
    public static String unknownHost;
    public static String connectionRefused;
    public static String connectTimeout;
    public static String stalled;
    public static String connectionLost;
    public static String truncated;
    public static String tls;
    public static String tlsUntrusted;
    public static String tlsWrongHost;
    public static String protocol;
    public static String unaskedPartial;
    public static String badContentRange;
    public static String credentialsNeeded;
    public static String credentialsRefused;
    public static String credentialsUnsupported;
    public static String proxyUnknown;
    public static String proxyRefused;
    public static String proxyTimeout;
    public static String proxyLost;
    public static String proxyCredentialsNeeded;
    public static String proxyCredentialsRefused;
    public static String proxyTunnelRefused;
    public static String proxyTunnelTimeout;
    public static String proxyTunnelLost;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
