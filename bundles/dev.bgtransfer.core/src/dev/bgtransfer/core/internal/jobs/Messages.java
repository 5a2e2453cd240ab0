package dev.bgtransfer.core.internal.jobs;

import org.eclipse.osgi.util.NLS;

/** The texts of a transfer's Job that a person reads in the Progress view and in failures. */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.core.internal.jobs.messages"; //$NON-NLS-1$

    public static String waitingToRetry;
    public static String internalError;
    public static String progressKnown;
    public static String progressUnknown;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
