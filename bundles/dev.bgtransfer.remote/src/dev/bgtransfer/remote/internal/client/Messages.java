package dev.bgtransfer.remote.internal.client;

import org.eclipse.osgi.util.NLS;

/** The sentences a client of the bgtransfer service throws or logs. */
final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.remote.internal.client.messages"; //$NON-NLS-1$

    public static String notRunning;
    public static String stopped;
    public static String closed;
    public static String notOurs;
    public static String otherVersion;
    public static String unreadableAnswer;
    public static String answerType;
    public static String interrupted;
    public static String sessionInvalidated;
    public static String listenerFailed;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
