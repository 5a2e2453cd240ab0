package dev.bgtransfer.remote.internal.wire;

import dev.bgtransfer.core.TransferEvent;

/**
 * The messages after the {@link Handshake}, and the names of their fields:
 * <pre>
 * client: {"call": N, "op": OP, ...the op's arguments}
 * server: {"answer": N, "value": VALUE} or {"answer": N, "error": {"type": ..., "message": ...}}
 *         {"event": EVENT}, at any time, for the sessions the client subscribed to
 * </pre>
 * The server answers a connection's calls one after another, in the order they came.
 */
public final class Message {
    public static final String CALL = "call";
    public static final String OP = "op";
    public static final String ANSWER = "answer";
    public static final String VALUE = "value";
    public static final String ERROR = "error";
    public static final String EVENT = "event";

    /** A transfer's id, or the first id of a page. */
    public static final String ID = "id";
    public static final String MAX = "max";
    public static final String IDENTIFIER = "identifier";
    public static final String CONFIGURATION = "configuration";
    /** The number of a session's handle, from {@link Op#SESSION}. */
    public static final String SESSION = "session";
    public static final String REQUEST = "request";
    public static final String UPLOAD = "upload";
    public static final String URL = "url";
    public static final String USER = "user";
    public static final String PASSWORD = "password";
    public static final String HEADERS = "headers";
    public static final String DELETE_FILE = "deleteFile";
    public static final String OPTIONS = "options";
    /** A bandwidth limit, bytes per second (0: none). */
    public static final String LIMIT = "limit";
    /** A bandwidth schedule as {@code RateSchedule.toText()} writes it. */
    public static final String SCHEDULE = "schedule";
    public static final String HOST = "host";

    private Message() {
    }

    /** @return the call numbered {@code number} of {@code op}, to which its arguments are added */
    public static JsonObject call(long number, Op op) {
        return new JsonObject().put(CALL, number).put(OP, op.name());
    }

    /** @return the answer to call {@code number}: {@code value}, a JSON value or null */
    public static JsonObject answer(long number, Object value) {
        return new JsonObject().put(ANSWER, number).put(VALUE, value);
    }

    /** @return the answer to call {@code number}: it threw {@code thrown} */
    public static JsonObject failure(long number, RuntimeException thrown) {
        return new JsonObject().put(ANSWER, number).put(ERROR, RemoteFailure.toJson(thrown));
    }

    /** @return the message that tells a client {@code event} */
    public static JsonObject event(TransferEvent event) {
        return new JsonObject().put(EVENT, EventCodec.toJson(event));
    }
}
