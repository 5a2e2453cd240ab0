package dev.bgtransfer.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The strings a person reads, from {@code messages.properties}. */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.ui.internal.messages"; //$NON-NLS-1$

    public static String columnTitle;
    public static String columnControls;
    public static String columnProgress;
    public static String columnSize;
    public static String columnStatus;
    public static String buttonStart;
    public static String buttonPause;
    public static String buttonStop;
    public static String buttonRetry;
    public static String controlsTooltip;
    public static String percent;
    public static String stateQueued;
    public static String credentialsDialogTitle;
    public static String credentialsDialogHeading;
    public static String credentialsUserLabel;
    public static String credentialsPasswordLabel;
    public static String credentialsSignIn;
    public static String credentialsJob;
    public static String credentialsRemember;
    public static String credentialsRememberTooltip;
    public static String credentialsNotRead;
    public static String credentialsNotSaved;
    public static String stateWaitingToRetry;
    public static String statePaused;
    public static String stateStopped;
    public static String stateRunning;
    public static String stateReady;
    public static String stateSavedAs;
    public static String stateFailed;
    public static String speedAndTimeLeft;
    public static String sizeOfTotal;
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
    public static String cannotOpen;
    public static String readTransfers;
    public static String refreshJob;
    public static String startAllJob;
    public static String stopAllJob;
    public static String resetJob;
    public static String removeJob;
    public static String addJob;
    public static String rowOperationJob;
    public static String startServiceJob;
    public static String serviceMissing;
    public static String resetTitle;
    public static String resetQuestion;
    public static String resetButton;
    public static String cancelButton;
    public static String addDialogTitle;
    public static String addDialogMessage;
    public static String addButton;
    public static String addUrlLabel;
    public static String addUrlHint;
    public static String addTitleLabel;
    public static String addSha256Label;
    public static String addOptionalHint;
    public static String addDestination;
    public static String addUrlMissing;
    public static String addSha256Invalid;
    public static String preferencesDescription;
    public static String preferencesFolder;
    public static String preferencesPerHost;
    public static String preferencesContinue;
    public static String preferencesNotify;
    public static String preferencesNotSaved;
    public static String preferencesMinimumSpeed;
    public static String preferencesMinimumSpeedTooltip;
    public static String preferencesSignIns;
    public static String preferencesForgetSignIns;
    public static String preferencesSignInsForgotten;
    public static String notifyTitle;
    public static String notifyCompleted;
    public static String notifyFailed;
    public static String notifyCompletedAndFailed;
    public static String notifyCompletedNames;
    public static String notifyFailedNames;
    public static String notifyMore;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
