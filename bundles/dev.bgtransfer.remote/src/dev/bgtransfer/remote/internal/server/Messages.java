package dev.bgtransfer.remote.internal.server;

import org.eclipse.osgi.util.NLS;

/** The sentences of the server: for the log, and for clients whose calls it cannot take. */
final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.remote.internal.server.messages"; //$NON-NLS-1$

    public static String socketPathTooLong;
    public static String socketInUse;
    public static String acceptFailed;
    public static String otherUser;
    public static String clientBroken;
    public static String clientTooSlow;
    public static String callUnreadable;
    public static String callFailed;
    public static String unknownSession;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
