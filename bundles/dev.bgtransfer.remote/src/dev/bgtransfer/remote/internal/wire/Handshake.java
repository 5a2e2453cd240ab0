package dev.bgtransfer.remote.internal.wire;

/**
 * The first message each way. The client says which protocol and version it speaks; the server
 * answers with its own. A server of another version answers, then closes the connection; the client
 * compares and gives up on a difference. Whatever else changes in a later version, this exchange
 * does not: a frame holding an object with {@value #PROTOCOL_FIELD} and {@value #VERSION_FIELD}.
 */
public final class Handshake {
    /** The name of the protocol, so that a peer of another program is told apart from another version. */
    public static final String PROTOCOL = "bgtransfer-api";
    /** Changed whenever a message changes in a way a peer of the other version would misread. */
    public static final int VERSION = 4; // 2: ids() as runs (IdRuns); 3: changeUrl, setHeaders, timeline(ID), a transfer's
    // resumability, onlyResumable, bandwidth limits; 4: mirrors (a v3 peer would drop them unseen), the list of
    // session limits (LIMITS_OF_SESSIONS)

    static final String PROTOCOL_FIELD = "protocol";
    static final String VERSION_FIELD = "version";

    private Handshake() {
    }

    /** @return the first message of a peer that speaks {@code version} */
    public static JsonObject hello(int version) {
        return new JsonObject().put(PROTOCOL_FIELD, PROTOCOL).put(VERSION_FIELD, (long) version);
    }

    /** @return whether {@code hello} comes from a peer of this protocol, of any version */
    public static boolean isOurs(JsonObject hello) {
        return hello.optionalString(PROTOCOL_FIELD).filter(PROTOCOL::equals).isPresent()
                && hello.has(VERSION_FIELD);
    }

    /** @return the version {@code hello} speaks */
    public static long versionOf(JsonObject hello) {
        return hello.number(VERSION_FIELD);
    }
}
