package dev.bgtransfer.remote.internal.launch;

import org.eclipse.osgi.util.NLS;

/** The sentences about starting the per-user daemon from this installation. */
final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.remote.internal.launch.messages"; //$NON-NLS-1$

    public static String missingBundle;
    public static String noFile;
    public static String noFramework;
    public static String noLauncher;
    public static String cannotRun;
    public static String ended;
    public static String noSocket;
    public static String started;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
