package dev.bgtransfer.ui.internal.view;

import org.eclipse.osgi.util.NLS;

/** The strings a person reads in this package, from {@code messages.properties} beside it. */
final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.ui.internal.view.messages"; //$NON-NLS-1$

    public static String titleTooltipMirrors;
    public static String columnDirection;
    public static String columnTitle;
    public static String columnControls;
    public static String columnProgress;
    public static String columnSize;
    public static String columnStatus;
    public static String columnSession;
    public static String columnResumable;
    public static String resumableYes;
    public static String resumableNo;
    public static String resumableUnknown;
    public static String resumableTooltipYes;
    public static String resumableTooltipNo;
    public static String resumableTooltipUnknown;
    public static String sessionWorkbench;
    public static String directionDownload;
    public static String directionUpload;
    public static String buttonStart;
    public static String buttonPause;
    public static String buttonStop;
    public static String buttonRetry;
    public static String controlsTooltip;
    public static String limitTooltip;
    public static String controlsNames;
    public static String percent;
    public static String stateQueued;
    public static String stateWaitingToRetry;
    public static String statePaused;
    public static String stateStopped;
    public static String stateDownloading;
    public static String stateUploading;
    public static String stateReady;
    public static String stateUploaded;
    public static String stateSavedAs;
    public static String stateSentTo;
    public static String stateFailed;
    public static String speedAndTimeLeft;
    public static String sizeOfTotal;
    public static String sizeSentOfTotal;
    public static String sizeSent;
    public static String sizeOfUnknown;
    public static String unknownSize;
    public static String sizePattern;
    public static String ratePattern;
    public static String unitBytes;
    public static String unitKilobytes;
    public static String unitMegabytes;
    public static String unitGigabytes;
    public static String unitTerabytes;
    public static String durationSeconds;
    public static String durationMinutes;
    public static String durationHours;
    public static String readTransfers;
    public static String refreshJob;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
