package dev.bgtransfer.core;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of one transfer. The id is stable across restarts and never reused.
 * <p>
 * A transfer is a download or an upload ({@link #kind()}). For an upload, {@link #file()} is the
 * file being sent (present from the start, never deleted by the service), {@link #destinationFolder()}
 * its folder, {@link #bytesReceived()} the bytes of it the server holds or is being sent,
 * {@link #totalBytes()} its size and {@link #sha256()} its SHA-256 once the upload completed.
 *
 * @param id                the transfer's identity
 * @param url               the URL it is fetched from: as requested, unless a person or a
 *                          {@link UrlRefresher} changed it or the service switched to one of its mirrors
 * @param title             what to show; the file name when the request had no title
 * @param destinationFolder the folder the file ends up in
 * @param file              the final file, once completed
 * @param state             where the transfer is in its life cycle
 * @param bytesReceived     bytes of the entity held locally
 * @param totalBytes        the entity's length, or {@link #UNKNOWN_SIZE}
 * @param sha256            the SHA-256 of the completed file (lower-case hex)
 * @param failure           why it failed, when {@link TransferState#FAILED}; while
 *                          {@link #nextRetry()} is present, why the last attempt failed
 * @param nextRetry         when a running transfer that is waiting to retry tries again
 * @param session           the identifier of the {@link TransferSession} it belongs to
 * @param kind              a download or an upload
 * @param resumability      whether an interruption keeps its bytes, and why (see {@link Resumability});
 *                          {@link Resumability#NOT_ASKED_YET} until the server's first answer
 * @param mirrors           other URLs of the same file ({@link TransferRequest#withMirrors}), tried when
 *                          {@code url} fails or is much slower than they are; empty when there are none
 */
public record Transfer(long id, URI url, String title, Path destinationFolder, Optional<Path> file,
        TransferState state, long bytesReceived, long totalBytes, Optional<String> sha256,
        Optional<TransferFailure> failure, Optional<Instant> nextRetry, String session, TransferKind kind,
        Resumability resumability, List<URI> mirrors) {

    public Transfer {
        Objects.requireNonNull(resumability, "resumability");
        mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
    }

    /** A snapshot without mirrors. */
    public Transfer(long id, URI url, String title, Path destinationFolder, Optional<Path> file,
            TransferState state, long bytesReceived, long totalBytes, Optional<String> sha256,
            Optional<TransferFailure> failure, Optional<Instant> nextRetry, String session, TransferKind kind,
            Resumability resumability) {
        this(id, url, title, destinationFolder, file, state, bytesReceived, totalBytes, sha256, failure, nextRetry,
                session, kind, resumability, List.of());
    }

    /** A snapshot whose resumability is {@link Resumability#NOT_ASKED_YET}. */
    public Transfer(long id, URI url, String title, Path destinationFolder, Optional<Path> file,
            TransferState state, long bytesReceived, long totalBytes, Optional<String> sha256,
            Optional<TransferFailure> failure, Optional<Instant> nextRetry, String session, TransferKind kind) {
        this(id, url, title, destinationFolder, file, state, bytesReceived, totalBytes, sha256, failure, nextRetry,
                session, kind, Resumability.NOT_ASKED_YET);
    }

    /** {@link #totalBytes()} when the server did not say how long the entity is. */
    public static final long UNKNOWN_SIZE = -1;

    /** @return whether the transfer is running but waiting to try again after a transient failure */
    public boolean isWaitingToRetry() {
        return state == TransferState.RUNNING && nextRetry.isPresent();
    }

    /** @return a copy that waits until {@code at} to retry after {@code lastFailure} */
    public Transfer waitingToRetry(TransferFailure lastFailure, Instant at) {
        return new Transfer(id, url, title, destinationFolder, file, state, bytesReceived, totalBytes, sha256,
                Optional.of(lastFailure), Optional.of(at), session, kind, resumability, mirrors);
    }

    /** @return whether the entity's length is known */
    public boolean isSizeKnown() {
        return totalBytes >= 0;
    }

    /** @return the fraction done in [0, 1], or -1 when the size is unknown */
    public double fractionDone() {
        if (state == TransferState.COMPLETED) {
            return 1;
        }
        if (!isSizeKnown()) {
            return -1;
        }
        return totalBytes == 0 ? 0 : Math.min(1, (double) bytesReceived / totalBytes);
    }

    /**
     * @return whether the transfer is running but its disk is full: it keeps its bytes and continues
     *         by itself once there is room; {@link #failure()} says how much is needed and where
     */
    public boolean isWaitingForSpace() {
        return isWaitingToRetry() && failure.map(last -> last.kind() == TransferFailure.Kind.DISK).orElse(false);
    }
}
