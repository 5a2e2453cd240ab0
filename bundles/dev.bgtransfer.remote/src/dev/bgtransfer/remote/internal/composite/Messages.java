package dev.bgtransfer.remote.internal.composite;

import org.eclipse.osgi.util.NLS;

/** The sentences the workbench's service logs about the per-user service. */
final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.remote.internal.composite.messages"; //$NON-NLS-1$

    public static String unreachable;
    public static String listingWithoutDaemon;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
