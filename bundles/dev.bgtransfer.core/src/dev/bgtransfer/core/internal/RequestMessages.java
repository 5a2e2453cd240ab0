package dev.bgtransfer.core.internal;

import org.eclipse.osgi.util.NLS;

/** The sentences that refuse a call on the service: what a person typed or a plug-in asked for is wrong. */
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
    public static String fileNameUnusable;
    public static String sha256Invalid;
    public static String bodyTooLarge;
    public static String bodyWithGet;
    public static String headerReserved;
    public static String uploadMethod;
    public static String uploadNoFile;
    public static String uploadNotFile;
    public static String uploadUnreadable;
    public static String optionsConnections;
    public static String optionsConnectTimeout;
    public static String optionsStallTimeout;
    public static String optionsFirstRetryDelay;
    public static String optionsRedirects;
    public static String optionsRetries;
    public static String optionsMinimumSpeed;
    public static String optionsSpeedWindow;
    public static String optionsSpaceWait;
    public static String sessionWithoutIdentifier;
    public static String sessionWithoutFolder;
    public static String sessionInvalidated;
    public static String sessionInMemory;
    public static String sessionStored;
    public static String rateNegative;
    public static String rateUnreadable;
    public static String ratePerSecond;
    public static String rateUnlimited;
    public static String rateWindow;
    public static String rateWindowEmpty;
    public static String rateWindowUnreadable;
    public static String rateHostBlank;
    public static String noTransfer;
    public static String changeUrlUpload;
    public static String headerName;
    public static String headerOwned;
    public static String headerValue;
    public static String headerWithoutColon;
    public static String changeUrlCompleted;
    public static String mirrorUnusable;
    public static String mirrorsTooMany;
    public static String refresherFailed;
    public static String serviceShutDown;

    static {
        NLS.initializeMessages(BUNDLE_NAME, RequestMessages.class);
    }

    private RequestMessages() {
    }
}
