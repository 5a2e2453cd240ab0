package dev.bgtransfer.cli.internal;

import org.eclipse.osgi.util.NLS;

/** The texts of the command line that a person reads. */
final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.cli.internal.messages"; //$NON-NLS-1$

    public static String usage;
    public static String usageError;
    public static String unknownCommand;
    public static String unknownOption;
    public static String flagWithValue;
    public static String missingValue;
    public static String repeatedOption;
    public static String noUrl;
    public static String sha256NeedsOneUrl;
    public static String mirrorNeedsOneUrl;
    public static String badUser;
    public static String promptUser;
    public static String promptPassword;
    public static String badUrl;
    public static String badMirror;
    public static String putNeedsFileAndUrl;
    public static String resumeOrNot;
    public static String badUploadUrl;
    public static String cannotUpload;
    public static String noSuchFile;
    public static String notAFile;
    public static String unreadableFile;
    public static String unexpectedOperand;
    public static String badPath;
    public static String outOfRange;
    public static String notANumber;
    public static String stateInUse;
    public static String stateUnusable;
    public static String serviceMissing;
    public static String otherUserRefused;
    public static String storeRefused;
    public static String failedInternally;
    public static String stopped;
    public static String paused;
    public static String inputTooLarge;
    public static String inputUnreadable;
    public static String inputNotText;
    public static String inputMoreThanOneUrl;
    public static String inputOptionWithoutUrl;
    public static String inputNoUrl;
    public static String inputFileNamed;
    public static String standardInput;
    public static String inputUnknownOption;
    public static String inputBadSha256;
    public static String inputSecondOption;
    public static String outputNeedsOneUrl;
    public static String nothingToResume;
    public static String noTransfers;
    public static String listLine;
    public static String pausedNotResumable;
    public static String pausedUploadNotResumable;
    public static String listFailure;
    public static String progressLine;
    public static String progressLineUnknown;
    public static String resuming;
    public static String samplesServing;
    public static String unknownSize;

    public static String alreadyServed;
    public static String serving;
    public static String idleExitAfter;
    public static String noIdleExit;
    public static String endIdle;
    public static String endAsked;
    public static String endMakeWay;
    public static String endShutdown;
    public static String serveUnusable;
    public static String serveWithComposite;
    public static String socketPathTooLong;
    public static String notForService;
    public static String inProcessAsked;
    public static String inProcessNoDaemon;
    public static String daemonStatus;
    public static String statusIdleExit;
    public static String statusNoIdleExit;
    public static String oneId;
    public static String logLeftOut;
    public static String logEmpty;
    public static String noIds;
    public static String badId;
    public static String unknownIds;
    public static String changeUrlNeedsIdAndUrl;
    public static String badHeader;
    public static String limitNeedsIdsAndRate;
    public static String limitHostOrSession;
    public static String limitOfOneNeedsRate;
    public static String limitSessionBlank;
    public static String badHost;
    public static String unknownSession;
    public static String sessionLimitEndsHere;
    public static String limitOverallLine;
    public static String limitHostLine;
    public static String limitSessionLine;
    public static String badRate;
    public static String daemonNeedsAction;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
