package dev.bgtransfer.core;

import dev.bgtransfer.core.internal.ResumabilityMessages;

/**
 * Whether a transfer that is interrupted (a pause, a dropped connection, a restart, a crash) can go on
 * from the bytes it has, and why: known from the server's first answer, before it matters.
 * <p>
 * A <b>download</b> resumes with {@code Range} and {@code If-Range}, so it needs a server that serves
 * byte ranges (a {@code 206}, or {@code Accept-Ranges: bytes}) and a validator that tells the same file
 * from a changed one (a strong ETag, else {@code Last-Modified}); a server that sends a range of a file
 * other than the one {@code If-Range} names is found out at the resume and is not resumable. The
 * service learns all of this from the headers of the first answer, with no request of its own: a
 * server that names a validator but says nothing about ranges stays {@link Value#UNKNOWN} until a resume
 * tells, except in a session that takes only resumable transfers
 * ({@link TransferOptions#onlyResumable()}), whose first request asks {@code Range: bytes=0-} to know at
 * once (a server that serves ranges answers it {@code 206} with the whole file).
 * <p>
 * An <b>upload</b> resumes from the offset its server reports, which needs a server that takes up
 * <i>Resumable Uploads for HTTP</i> (it names an upload resource); without one, an interrupted upload
 * sends the whole file again. A <b>data task</b> is no transfer: it is never resumed, its answer is
 * small and held in memory, and a retry asks again from the start.
 * <p>
 * The constant's name is stable (it is what the store and the wire keep); {@link #reason()} is a
 * sentence for people.
 */
public enum Resumability {
    /** The server has not answered yet. */
    NOT_ASKED_YET(Value.UNKNOWN),
    /** Byte ranges and a strong ETag. */
    RANGES_AND_STRONG_ETAG(Value.YES),
    /** Byte ranges and {@code Last-Modified} (no strong ETag). */
    RANGES_AND_LAST_MODIFIED(Value.YES),
    /** A validator, but the first answer did not say whether ranges are served. */
    RANGES_NOT_ANNOUNCED(Value.UNKNOWN),
    /** A {@code 200} with the whole file to a request for a byte range of the same file. */
    NO_RANGES(Value.NO),
    /** {@code Accept-Ranges: none}. */
    RANGES_REFUSED(Value.NO),
    /** Neither an ETag nor {@code Last-Modified}. */
    NO_VALIDATOR(Value.NO),
    /** A weak ETag ({@code W/"…"}) and no {@code Last-Modified}: {@code If-Range} may not use it. */
    WEAK_ETAG_ONLY(Value.NO),
    /** A {@code 206} of another file than the one {@code If-Range} named. */
    IF_RANGE_IGNORED(Value.NO),
    /** An upload whose server named an upload resource. */
    UPLOAD_RESOURCE(Value.YES),
    /** An upload sent as one plain request ({@link UploadRequest#withResumable(boolean)} off). */
    UPLOAD_NOT_OFFERED(Value.NO),
    /** An upload whose server was offered resumption and did not take it up. */
    UPLOAD_NOT_TAKEN_UP(Value.NO);

    /** Whether the bytes a transfer has survive an interruption. */
    public enum Value {
        /** An interrupted transfer goes on from its bytes. */
        YES,
        /** An interrupted transfer starts from zero again: its bytes are fetched (or sent) again. */
        NO,
        /** Not known yet. */
        UNKNOWN
    }

    private final Value value;

    Resumability(Value value) {
        this.value = value;
    }

    /** @return yes, no or unknown */
    public Value value() {
        return value;
    }

    /** @return whether an interrupted transfer surely starts from zero again */
    public boolean isNot() {
        return value == Value.NO;
    }

    /** @return why, a phrase for people such as "the server offers no byte ranges" */
    public String reason() {
        return ResumabilityMessages.reason(this);
    }
}
