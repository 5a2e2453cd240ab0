package dev.bgtransfer.core.internal.data;

import org.eclipse.osgi.util.NLS;

/** The sentences of data tasks that a person reads. */
final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.core.internal.data.messages"; //$NON-NLS-1$

    public static String tooLarge;
    public static String tooLargeDeclared;
    public static String bodyToOtherOrigin;
    public static String shutDown;
    public static String internalError;
    public static String serviceShutDown;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
