package dev.bgtransfer.core.internal;

import org.eclipse.osgi.util.NLS;

/** The sentences that refuse a {@link dev.bgtransfer.core.TransferRequest}: what a person typed is wrong. */
public final class RequestMessages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.core.internal.request-messages"; //$NON-NLS-1$

    public static String urlEmpty;
    public static String urlTooLong;
    public static String urlControlCharacter;
    public static String urlSpace;
    public static String urlMalformed;
    public static String urlNoScheme;
    public static String urlScheme;
    public static String urlNoHost;
    public static String urlCredentials;
    public static String sha256Invalid;
    public static String bodyTooLarge;
    public static String bodyWithGet;
    public static String headerReserved;
    public static String uploadMethod;
    public static String uploadNoFile;
    public static String uploadNotFile;
    public static String uploadUnreadable;

    static {
        NLS.initializeMessages(BUNDLE_NAME, RequestMessages.class);
    }

    private RequestMessages() {
    }
}
