package dev.bgtransfer.core;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The transfers of one client, under one configuration (an {@code NSURLSession}): ask the
 * {@link TransferService} for it by an identifier that stays the same across restarts (a plug-in
 * uses its bundle's symbolic name), and its transfers come back with their state. What it does to
 * all its transfers at once touches only its own, and only files it wrote.
 * <p>
 * The per-transfer operations ({@link TransferService#start(long)}, {@code pause}, {@code stop},
 * {@code remove}, {@code authenticate}, {@code get}) take a transfer's id, which is unique across
 * sessions. Listeners hear one session when registered with {@link TransferListener#SESSION} naming
 * it, or every session without.
 *
 * @noimplement This interface is not intended to be implemented by clients.
 */
public interface TransferSession {

    /** The identifier of the session that the {@link TransferService} methods without one act on. */
    String DEFAULT_IDENTIFIER = "default";

    /** @return the identifier it was asked for by */
    String identifier();

    /** @return the configuration it runs under */
    SessionConfiguration configuration();

    /**
     * Adds a transfer without starting it; its state is {@link TransferState#CANCELLED} until started.
     *
     * @throws IllegalStateException when the session was invalidated
     */
    Transfer add(TransferRequest request);

    /**
     * Adds a transfer and queues it at once, as {@link TransferService#download(TransferRequest)} does.
     *
     * @return the new transfer as it was added, {@link TransferState#QUEUED}
     * @throws IllegalStateException when the session was invalidated
     */
    Transfer download(TransferRequest request);

    /**
     * Downloads {@code url} into the session's download folder, as {@link #download(TransferRequest)}.
     *
     * @throws IllegalStateException when the configuration names no download folder, or the session
     *                               was invalidated
     */
    Transfer download(URI url);

    /**
     * Adds an upload and queues it at once: a {@link Transfer} of kind {@link TransferKind#UPLOAD},
     * with the events, Job ({@link TransferService#JOB_FAMILY}), retries and operations of a
     * download. Listeners hear {@link TransferEvent.Added} with {@link TransferState#QUEUED}, then
     * {@code QUEUED -> RUNNING} once its host has a free connection; the Job records the file's size,
     * modification time and SHA-256 before the first byte goes out.
     * <p>
     * When the server offers resumption (<i>Resumable Uploads for HTTP</i>), it names an upload
     * resource, which is stored: after a dropped connection, a pause, a restart or a {@code kill -9}
     * the upload goes on from the offset the server reports, never from what this side believes it
     * sent. Other servers get the whole file again. A stop or remove asks the server to forget the
     * upload ({@code DELETE}); a failed upload, started again, starts from zero with the file as it
     * is then. The file is never written or deleted by the service; if it changes, disappears or
     * becomes unreadable during the upload, the upload fails with a sentence saying so. The rules of
     * downloads hold for sign-in, proxies, TLS and retries; a {@code 307} or {@code 308} on the same
     * origin is followed with the method and the file, any other redirect fails the upload, and a
     * {@code 413} fails it with the size the server takes when it says.
     *
     * @return the new upload as it was added, {@link TransferState#QUEUED}
     * @throws IllegalArgumentException with a sentence when the file does not exist, is no regular
     *                                  file or cannot be read
     * @throws IllegalStateException    when the session was invalidated
     */
    Transfer upload(UploadRequest request);

    /**
     * Adds an upload without starting it, as {@link #add(TransferRequest)} adds a download: its state
     * is {@link TransferState#CANCELLED} until {@link TransferService#start(long)}, or
     * {@link TransferService#authenticate(long, java.net.PasswordAuthentication)} when its server
     * will ask for credentials.
     *
     * @throws IllegalArgumentException as {@link #upload(UploadRequest)}
     * @throws IllegalStateException    when the session was invalidated
     */
    Transfer add(UploadRequest request);

    /**
     * Starts a data task in this session: {@code request}'s answer is read into memory, with the rules of
     * downloads (redirects, sign-in at the origin with the request's credentials, retries of transient
     * failures with backoff and {@code Retry-After}, proxies, TLS) under the session's options. A redirected
     * {@code POST} becomes a {@code GET} after 301, 302 and 303, keeps its method and body after 307
     * and 308, and never takes its body or credentials to another origin. {@code GET} and {@code PUT}
     * are retried, {@code POST} never (the server may have acted on it).
     * <p>
     * A data task is never stored and is not a {@link Transfer}: no id, no events, no row in the
     * Downloads view, no Job. Its completion is the future: the {@link DataResponse} whatever its
     * status (a transient status that stays after the retries is answered too), or exceptionally a
     * {@link DataTaskException} whose message is a sentence a person can act on (the network, TLS, a
     * redirect, {@code 401} without fitting credentials, an answer above
     * {@link DataRequest#maxResponseBytes()}). A task the end of the service or the process cuts off
     * just ends exceptionally; nothing resumes it. Cancelling the future ends the task and closes its
     * connection.
     * @throws IllegalStateException when the session was invalidated or the service shut down
     */
    CompletableFuture<DataResponse> fetch(DataRequest request);

    /** @return the session's transfers, oldest first (completed ones are read from the store) */
    List<Transfer> transfers();

    /** @return the session's transfers that are not {@link TransferState#COMPLETED}, oldest first */
    List<Transfer> unfinished();

    /** Starts every transfer of the session that {@link TransferService#start(long)} would start. */
    void startAll();

    /** Pauses every queued or running transfer of the session. */
    void pauseAll();

    /** Stops every transfer of the session that is not completed. */
    void stopAll();

    /**
     * Stops the session's transfers, deletes the files and partial files they wrote (never anything
     * else, never another session's) and forgets them. The session stays usable.
     */
    void reset();

    /**
     * Ends the session: its transfers that are not completed are stopped (their partial bytes
     * deleted) and every transfer of it is forgotten; the files it completed stay; its data tasks
     * still under way are cancelled (their futures end with a {@code CancellationException}). Afterwards it
     * takes no new transfer; asking the service for the identifier again gives a new, empty session.
     */
    void invalidate();
}
