package dev.bgtransfer.samples.internal;

import org.eclipse.osgi.util.NLS;

/** The texts of the sample server that a person reads. */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.samples.internal.messages"; //$NON-NLS-1$

    public static String sampleTitle1;
    public static String sampleTitle2;
    public static String sampleTitle3;
    public static String sampleTitle4;
    public static String sampleTitle5;
    public static String badRate;
    public static String badPort;
    public static String serverError;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
