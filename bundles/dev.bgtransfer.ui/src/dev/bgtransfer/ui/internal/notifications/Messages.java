package dev.bgtransfer.ui.internal.notifications;

import org.eclipse.osgi.util.NLS;

/** The strings a person reads in this package, from {@code messages.properties} beside it. */
final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.ui.internal.notifications.messages"; //$NON-NLS-1$

    public static String notifyTitleDownloads;
    public static String notifyTitleUploads;
    public static String notifyTitleTransfers;
    public static String nounDownload;
    public static String nounDownloads;
    public static String nounUpload;
    public static String nounUploads;
    public static String nounTransfer;
    public static String nounTransfers;
    public static String notifyCompleted;
    public static String notifyFailed;
    public static String notifyCompletedAndFailed;
    public static String notifyCompletedNames;
    public static String notifyFailedNames;
    public static String notifyMore;
    public static String notifyWhileAway;
    public static String checkWhileAwayJob;
    public static String saveUnderWayJob;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
