package dev.bgtransfer.core.internal;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.Resumability;

/** The reasons of {@link Resumability}, and the failure of a transfer that is not resumable where it must be. */
public final class ResumabilityMessages extends NLS {
    private static final String BUNDLE_NAME = "dev.bgtransfer.core.internal.resumability-messages"; //$NON-NLS-1$

    public static String NOT_ASKED_YET;
    public static String RANGES_AND_STRONG_ETAG;
    public static String RANGES_AND_LAST_MODIFIED;
    public static String RANGES_NOT_ANNOUNCED;
    public static String NO_RANGES;
    public static String RANGES_REFUSED;
    public static String NO_VALIDATOR;
    public static String WEAK_ETAG_ONLY;
    public static String IF_RANGE_IGNORED;
    public static String UPLOAD_RESOURCE;
    public static String UPLOAD_NOT_OFFERED;
    public static String UPLOAD_NOT_TAKEN_UP;
    public static String notResumable;

    static {
        NLS.initializeMessages(BUNDLE_NAME, ResumabilityMessages.class);
    }

    private ResumabilityMessages() {
    }

    /** @return the phrase for {@code resumability}, from the field of its name */
    public static String reason(Resumability resumability) {
        return switch (resumability) {
            case NOT_ASKED_YET -> NOT_ASKED_YET;
            case RANGES_AND_STRONG_ETAG -> RANGES_AND_STRONG_ETAG;
            case RANGES_AND_LAST_MODIFIED -> RANGES_AND_LAST_MODIFIED;
            case RANGES_NOT_ANNOUNCED -> RANGES_NOT_ANNOUNCED;
            case NO_RANGES -> NO_RANGES;
            case RANGES_REFUSED -> RANGES_REFUSED;
            case NO_VALIDATOR -> NO_VALIDATOR;
            case WEAK_ETAG_ONLY -> WEAK_ETAG_ONLY;
            case IF_RANGE_IGNORED -> IF_RANGE_IGNORED;
            case UPLOAD_RESOURCE -> UPLOAD_RESOURCE;
            case UPLOAD_NOT_OFFERED -> UPLOAD_NOT_OFFERED;
            case UPLOAD_NOT_TAKEN_UP -> UPLOAD_NOT_TAKEN_UP;
        };
    }
}
