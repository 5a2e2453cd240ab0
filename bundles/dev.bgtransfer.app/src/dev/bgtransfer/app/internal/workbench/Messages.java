package dev.bgtransfer.app.internal.workbench;

import org.eclipse.osgi.util.NLS;

/** The texts of the workbench application that a person reads. */
final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.app.internal.workbench.messages"; //$NON-NLS-1$

    public static String windowTitle;
    public static String menuFile;
    public static String menuWindow;
    public static String menuShowView;
    public static String menuHelp;
    public static String seedingJob;
    public static String seedingNoService;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
