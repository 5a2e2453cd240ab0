package dev.bgtransfer.ui.internal.handlers;

import org.eclipse.osgi.util.NLS;

/** The strings a person reads in this package, from {@code messages.properties} beside it. */
final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.ui.internal.handlers.messages"; //$NON-NLS-1$

    public static String cannotOpen;
    public static String startAllJob;
    public static String stopAllJob;
    public static String resetJob;
    public static String removeJob;
    public static String addJob;
    public static String changeUrlJob;
    public static String limitSpeedJob;
    public static String resetTitle;
    public static String resetQuestion;
    public static String resetButton;
    public static String cancelButton;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
