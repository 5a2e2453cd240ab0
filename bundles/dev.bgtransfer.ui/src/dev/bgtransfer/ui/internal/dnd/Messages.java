package dev.bgtransfer.ui.internal.dnd;

import org.eclipse.osgi.util.NLS;

/** The strings a person reads in this package, from {@code messages.properties} beside it. */
final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.ui.internal.dnd.messages"; //$NON-NLS-1$

    public static String dropFromLink;
    public static String dropFromText;
    public static String dropNotAFile;
    public static String dropFileTooLarge;
    public static String dropNoUrl;
    public static String dropNotText;
    public static String dropUnreadable;
    public static String dropLineRefused;
    public static String dropProblemsTitle;
    public static String dropProblemsAdded;
    public static String dropProblemsNoneAdded;
    public static String dropJob;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
