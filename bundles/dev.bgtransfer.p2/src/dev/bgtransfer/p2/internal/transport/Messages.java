package dev.bgtransfer.p2.internal.transport;

import org.eclipse.osgi.util.NLS;

/** The texts of the p2 transport that a person reads (in p2's install dialogs and the log). */
final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.p2.internal.transport.messages"; //$NON-NLS-1$

    public static String noPlatformTransport;
    public static String stoppedInDownloads;
    public static String removedInDownloads;
    public static String completedWithoutFile;
    public static String copyFailed;
    public static String serviceFailed;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
