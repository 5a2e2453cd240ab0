package dev.bgtransfer.remote.internal.wire;

/**
 * What a client asks the server, one constant a method of the API, named on the wire as it is
 * here. The arguments each takes are the fields of {@link Message} it names in its comment.
 */
public enum Op {
    /** {@code session(IDENTIFIER, CONFIGURATION)}; answers the number of the session's handle. */
    SESSION,
    /** {@code add(REQUEST)} in the default session. */
    ADD,
    /** {@code download(REQUEST)} in the default session. */
    DOWNLOAD,
    /** {@code get(ID)}. */
    GET,
    /** {@code transfers()}. */
    TRANSFERS,
    /** {@code unfinished()}. */
    UNFINISHED,
    /** {@code transfers(ID, MAX)}. */
    PAGE,
    /** {@code ids()}. */
    IDS,
    /** {@code start(ID)}. */
    START,
    /** {@code pause(ID)}. */
    PAUSE,
    /** {@code stop(ID)}. */
    STOP,
    /** {@code authenticate(ID, USER, PASSWORD)}. */
    AUTHENTICATE,
    /** {@code changeUrl(ID, URL)}. */
    CHANGE_URL,
    /** {@code setHeaders(ID, HEADERS)}. */
    SET_HEADERS,
    /** {@code remove(ID, DELETE_FILE)}. */
    REMOVE,
    /** {@code timeline(ID)}: the entries as {@link ValueCodec#toJson(dev.bgtransfer.core.TimelineEntry)} writes them. */
    TIMELINE,
    START_ALL,
    PAUSE_ALL,
    STOP_ALL,
    RESET_ALL,
    OPTIONS,
    /** {@code setOptions(OPTIONS)}. */
    SET_OPTIONS,
    /** {@code overallLimit()}; answers the schedule as {@code RateSchedule.toText()} writes it. */
    OVERALL_LIMIT,
    /** {@code setOverallLimit(SCHEDULE)}, the schedule as text. */
    SET_OVERALL_LIMIT,
    /** {@code hostLimits()}; answers a list of objects with HOST and LIMIT. */
    HOST_LIMITS,
    /** {@code setHostLimit(HOST, LIMIT)}. */
    SET_HOST_LIMIT,
    /** {@code sessionLimits()}; answers a list of objects with IDENTIFIER and LIMIT. */
    LIMITS_OF_SESSIONS,
    /** {@code sessionLimit(IDENTIFIER)}; answers bytes per second. */
    LIMIT_OF_SESSION,
    /** {@code setSessionLimit(IDENTIFIER, LIMIT)}. */
    SET_LIMIT_OF_SESSION,
    /** {@code rateLimit(ID)}; answers bytes per second. */
    RATE_LIMIT,
    /** {@code setRateLimit(ID, LIMIT)}. */
    SET_RATE_LIMIT,
    /** The operations of a session's handle (SESSION): {@code configuration()}. */
    SESSION_CONFIGURATION,
    /** {@code add(REQUEST)}. */
    SESSION_ADD,
    /** {@code download(REQUEST)}. */
    SESSION_DOWNLOAD,
    /** {@code download(URL)}. */
    SESSION_DOWNLOAD_URL,
    /** {@code upload(UPLOAD)}. */
    SESSION_UPLOAD,
    /** {@code add(UPLOAD)}. */
    SESSION_ADD_UPLOAD,
    SESSION_TRANSFERS,
    SESSION_UNFINISHED,
    SESSION_START_ALL,
    SESSION_PAUSE_ALL,
    SESSION_STOP_ALL,
    SESSION_RESET,
    SESSION_INVALIDATE,
    /** Hear the events of the session IDENTIFIER, or of every session without it. */
    SUBSCRIBE,
    /** Stop hearing the session IDENTIFIER, or every session without it. */
    UNSUBSCRIBE;

    /** @return whether it is an operation of a session's handle, which the call names in {@code SESSION} */
    public boolean actsOnSession() {
        return name().startsWith("SESSION_");
    }
}
