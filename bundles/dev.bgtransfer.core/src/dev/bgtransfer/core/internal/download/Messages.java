package dev.bgtransfer.core.internal.download;

import org.eclipse.osgi.util.NLS;

/** The texts of a download that a person reads: its progress, its wait, and what went wrong on disk. */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.core.internal.download.messages"; //$NON-NLS-1$

    public static String jobName;
    public static String tooSlow;
    public static String checksumMismatch;
    public static String diskFull;
    public static String diskDenied;
    public static String disk;
    public static String waitingForSpace;
    public static String waitingForSpaceUnknown;
    public static String partFileShort;
    public static String partFileDamaged;
    public static String restartEntityChanged;
    public static String restartSlicesNotOnDisk;
    public static String restartRangeNotSatisfiable;
    public static String restartWholeBody;
    public static String restartIfRangeIgnored;
    public static String restartOtherLength;
    public static String restartPartFileGone;
    public static String spaceAgain;
    public static String mirrorAfterFailure;
    public static String mirrorSlow;
    public static String mirrorOtherEntity;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
