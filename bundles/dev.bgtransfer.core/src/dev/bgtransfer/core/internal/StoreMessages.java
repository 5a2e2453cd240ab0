package dev.bgtransfer.core.internal;

import org.eclipse.osgi.util.NLS;

/** What the log says when the service's store refuses, and then takes again, the transfers' changes. */
public final class StoreMessages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.core.internal.store-messages"; //$NON-NLS-1$

    public static String storeRefuses;
    public static String storeTakesWritesAgain;
    public static String storeLostWrites;

    static {
        NLS.initializeMessages(BUNDLE_NAME, StoreMessages.class);
    }

    private StoreMessages() {
    }
}
