package dev.bgtransfer.core.internal.upload;

import org.eclipse.osgi.util.NLS;

/** The texts of uploads that a person reads: what went wrong with the file or the server's answer. */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.core.internal.upload.messages"; //$NON-NLS-1$

    public static String sourceMissing;
    public static String sourceUnreadable;
    public static String sourceDenied;
    public static String sourceChanged;
    public static String tooLarge;
    public static String tooLargeLimit;
    public static String badOffset;
    public static String redirectToGet;
    public static String redirectToOtherOrigin;
    public static String jobName;
    public static String cancelJobName;
    public static String writeStalled;
    public static String checkingFile;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
