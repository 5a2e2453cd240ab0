package dev.bgtransfer.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The strings a person reads in this package, from {@code messages.properties} beside it. */
final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.ui.internal.messages"; //$NON-NLS-1$

    public static String rowOperationJob;
    public static String startServiceJob;
    public static String serviceMissing;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
