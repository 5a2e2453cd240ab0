package dev.bgtransfer.core.internal.timeline;

import org.eclipse.osgi.util.NLS;

/** The sentences the timeline itself writes into its entries. */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.core.internal.timeline.messages"; //$NON-NLS-1$

    public static String processEnded;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
