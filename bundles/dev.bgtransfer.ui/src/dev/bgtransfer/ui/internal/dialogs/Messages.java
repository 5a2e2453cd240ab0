package dev.bgtransfer.ui.internal.dialogs;

import org.eclipse.osgi.util.NLS;

/** The strings a person reads in this package, from {@code messages.properties} beside it. */
final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.ui.internal.dialogs.messages"; //$NON-NLS-1$

    public static String addDialogTitle;
    public static String addDialogMessage;
    public static String addButton;
    public static String addUrlLabel;
    public static String addUrlHint;
    public static String addTitleLabel;
    public static String addSha256Label;
    public static String addOptionalHint;
    public static String addMirrorsLabel;
    public static String addMirrorsHint;
    public static String addMirrorsTooltip;
    public static String addMirrorInvalid;
    public static String addDestination;
    public static String addUrlMissing;
    public static String addSha256Invalid;
    public static String changeUrlTitle;
    public static String changeUrlMessage;
    public static String changeUrlSame;
    public static String limitSpeedTitle;
    public static String limitSpeedOne;
    public static String limitSpeedMany;
    public static String limitSpeedDiffer;
    public static String limitSpeedNone;
    public static String limitSpeedAtMost;
    public static String limitSpeedHint;
    public static String limitSpeedUnit;
    public static String limitSpeedMissing;
    public static String pauseWarningTitle;
    public static String pauseWarningOne;
    public static String pauseWarningMany;
    public static String pauseWarningItem;
    public static String pauseAnywayButton;
    public static String keepRunningButton;
    public static String timelineDialogTitle;
    public static String timelineReading;
    public static String timelineReadJob;
    public static String timelineSummary;
    public static String timelineEmpty;
    public static String timelineTime;
    public static String timelineNumber;
    public static String timelineKind;
    public static String timelineDetails;
    public static String timelineLeftOut;
    public static String timelineCopy;
    public static String timelineExport;
    public static String timelineExportFailedTitle;
    public static String timelineExportFailed;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
