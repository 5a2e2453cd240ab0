package dev.bgtransfer.ui.internal.preferences;

import org.eclipse.osgi.util.NLS;

/** The strings a person reads in this package, from {@code messages.properties} beside it. */
final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.ui.internal.preferences.messages"; //$NON-NLS-1$

    public static String preferencesDescription;
    public static String preferencesFolder;
    public static String preferencesPerHost;
    public static String preferencesContinue;
    public static String preferencesContinueAfterExit;
    public static String preferencesContinueAfterExitTooltip;
    public static String preferencesNotify;
    public static String preferencesP2Artifacts;
    public static String preferencesP2ArtifactsTooltip;
    public static String preferencesNotSaved;
    public static String preferencesMinimumSpeed;
    public static String preferencesMinimumSpeedTooltip;
    public static String preferencesSignIns;
    public static String preferencesForgetSignIns;
    public static String preferencesSignInsForgotten;
    public static String bandwidthGroup;
    public static String bandwidthLimit;
    public static String bandwidthWindow;
    public static String bandwidthUntil;
    public static String bandwidthWindowLimit;
    public static String bandwidthHelp;
    public static String bandwidthNotANumber;
    public static String bandwidthNotATime;
    public static String bandwidthEmptyWindow;
    public static String bandwidthSetting;
    public static String bandwidthHosts;
    public static String bandwidthHostsTooltip;
    public static String bandwidthHostLine;
    public static String bandwidthHostRate;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
