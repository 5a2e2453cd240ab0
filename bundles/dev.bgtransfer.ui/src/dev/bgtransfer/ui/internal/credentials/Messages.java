package dev.bgtransfer.ui.internal.credentials;

import org.eclipse.osgi.util.NLS;

/** The strings a person reads in this package, from {@code messages.properties} beside it. */
final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.ui.internal.credentials.messages"; //$NON-NLS-1$

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

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
