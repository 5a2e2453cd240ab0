package dev.bgtransfer.persistence.internal;

import org.eclipse.osgi.util.NLS;

/** The sentences of a store that cannot do what it was asked. */
final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.persistence.internal.messages"; //$NON-NLS-1$

    public static String diskFull;
    public static String failed;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
