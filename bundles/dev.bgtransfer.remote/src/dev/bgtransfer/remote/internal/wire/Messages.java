package dev.bgtransfer.remote.internal.wire;

import org.eclipse.osgi.util.NLS;

/** What the wire says of a message it cannot read; it reaches a person inside a client's or the log's sentence. */
final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.remote.internal.wire.messages"; //$NON-NLS-1$

    public static String jsonTrailing;
    public static String jsonTooDeep;
    public static String jsonEnd;
    public static String jsonUnexpected;
    public static String jsonFraction;
    public static String fieldMissing;
    public static String fieldType;
    public static String fieldConstant;
    public static String fieldMalformed;
    public static String frameLength;
    public static String frameNotUtf8;
    public static String frameNotObject;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
