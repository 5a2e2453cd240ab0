package dev.bgtransfer.core;

import java.net.PasswordAuthentication;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A background transfer service: downloads that run as Eclipse Jobs, never more than
 * {@link TransferOptions#maxConnectionsPerHost()} at once to one host, that can be paused and
 * resumed with ranged requests, and whose files appear under their final name only when complete
 * and verified; uploads ({@link TransferSession#upload(UploadRequest)}) that run the same way and
 * resume from the server's offset; data tasks ({@link #fetch(DataRequest)}) read into memory.
 * <p>
 * Obtain it from the OSGi service registry. Listen by registering a {@link TransferListener}
 * service. All methods are thread-safe and return without waiting for the network.
 * <p>
 * Transfers belong to sessions ({@link #session(String, SessionConfiguration)}): a plug-in that
 * asks for a session of its own adds its transfers there, and its start all, pause all, stop all
 * and reset touch only them. The methods here that add transfers or act on all of them at once act
 * on the default session ({@link TransferSession#DEFAULT_IDENTIFIER}); those that take an id act on
 * that transfer, whatever its session, and those that list transfers list every session's.
 * <p>
 * Transfers and their resume data survive a restart and a crash of the process (a {@code kill -9}):
 * a transfer that was queued or running continues from the bytes its partial file holds. Only when
 * that file was last written before the machine itself started (a power cut or a system crash came
 * between) does it continue from its last checkpoint instead, taken every 2 s or 8 MiB with the
 * bytes forced to disk. A file that changed on the server meanwhile restarts from zero.
 * <p>
 * A large download (8 MiB or more left) from a server that offers ranges and a validator (a strong
 * ETag or Last-Modified) whose connection is held below 16 MiB/s may use more connections than one:
 * up to four, added one step at a time while the rest is worth it and each step made it faster, each
 * only on a free slot of its host (never one a queued transfer of that host could take, and given back
 * when one waits) and within {@link TransferOptions#maxConnectionsPerHost()}. Its bytes go into one partial file; a pause, a
 * restart or a crash resumes each slice from its recorded bytes (a crash: from its last checkpoint).
 * A further connection the server refuses (429, 503) leaves the transfer to the others; it never
 * fails because of one. Progress, events and the Job stay one per transfer.
 * <p>
 * A transfer is stored before it is added. When the store refuses to write (its disk is full), the
 * methods that add a transfer ({@code add}, {@code download}, {@code upload}, here and in sessions)
 * throw an {@link java.io.UncheckedIOException} whose message says why in a sentence, and nothing is
 * added. Transfers already added go on meanwhile, with their events; their changes are written once
 * the store takes them again, and until then this service answers with their latest state.
 *
 * @noimplement This interface is not intended to be implemented by clients.
 */
public interface TransferService {

    /**
     * The family of every transfer's Job, for {@code Job.belongsTo} and the Progress view. Each
     * running transfer is one Job of this family, in the process that runs it; a queued one has no
     * Job yet. A transfer of a {@link SessionKind#BACKGROUND} session that the per-user service runs
     * for a workbench has its Job in that service's process, not in the workbench's.
     * <p>
     * Cancelling a transfer's Job (for example with the Progress view's stop button) pauses the
     * transfer: its bytes and validators are kept, and {@link #start(long)} resumes it. Only
     * {@link #stop(long)} discards bytes.
     */
    String JOB_FAMILY = "dev.bgtransfer.transfers";

    /**
     * The family of one transfer's Job: {@code Job.getJobManager().find(new JobFamily(id))} gives the
     * Job that runs the transfer with this id while it is {@link TransferState#RUNNING}, and nothing
     * otherwise; a Job of the family can be joined or cancelled (a cancel pauses, see
     * {@link #JOB_FAMILY}). A transfer that runs again gets a new Job of the same family. Only a
     * transfer run in this process has its Job here: for one the per-user service runs (see
     * {@link #JOB_FAMILY}) nothing is found; its events and {@link #pause(long)} serve instead.
     *
     * @param transferId the {@link Transfer#id()}
     */
    record JobFamily(long transferId) {
    }

    /**
     * Gives the session {@code identifier} under {@code configuration}, which replaces the one it
     * had: asked for again with the same identifier (in this process or after a restart), it has its
     * transfers with their state. The configuration of a stored session (not
     * {@link SessionKind#EPHEMERAL}) is stored too: after a restart its unfinished transfers continue
     * under it before the session is asked for again, until {@link TransferSession#invalidate()}. The default session ({@link TransferSession#DEFAULT_IDENTIFIER})
     * always runs under {@link #options()}; only whether it announces all finished is taken from
     * {@code configuration}.
     *
     * @param identifier stable across restarts; a plug-in uses its bundle's symbolic name
     * @throws IllegalArgumentException when the identifier is blank, or the session has transfers and
     *                                  {@code configuration} would move it into memory or out of it
     *                                  ({@link SessionKind#EPHEMERAL} against a stored kind)
     */
    TransferSession session(String identifier, SessionConfiguration configuration);

    /**
     * Adds a transfer to the default session without starting it; its state is {@link TransferState#CANCELLED} until
     * {@link #start(long)}.
     *
     * @param request what to download and where
     * @return the new transfer
     */
    Transfer add(TransferRequest request);

    /**
     * Adds a transfer to the default session and queues it at once. Listeners hear {@link TransferEvent.Added} with the
     * state {@link TransferState#QUEUED}, then {@code QUEUED -> RUNNING} once its host has a free
     * connection.
     *
     * @param request what to download and where
     * @return the new transfer as it was added, {@link TransferState#QUEUED} (it may run by the time
     *         the caller looks again)
     */
    Transfer download(TransferRequest request);

    /**
     * Starts a data task in the default session, as {@link TransferSession#fetch(DataRequest)} does,
     * under {@link #options()}.
     *
     * @throws IllegalStateException when the service shut down
     */
    CompletableFuture<DataResponse> fetch(DataRequest request);

    /** @return the transfer with this id, if the service has it */
    Optional<Transfer> get(long id);

    /**
     * @return every transfer, oldest first. Completed ones are read from the store: with a long
     *         history, prefer {@link #unfinished()} or pages ({@link #ids()}, {@link #transfers(long, int)}).
     */
    List<Transfer> transfers();

    /** @return every transfer that is not {@link TransferState#COMPLETED}, oldest first (held in memory) */
    List<Transfer> unfinished();

    /**
     * @param fromId the smallest id to return
     * @param max    the most transfers to return
     * @return the transfers with an id of at least {@code fromId}, oldest first, at most {@code max}
     */
    List<Transfer> transfers(long fromId, int max);

    /** @return the id of every transfer, oldest first (ids only grow) */
    long[] ids();

    /**
     * Queues a paused, failed or stopped transfer: a paused one resumes from its bytes, the others
     * start from zero. Does nothing for a queued, running or completed one.
     *
     * @throws IllegalArgumentException when there is no transfer with this id
     */
    void start(long id);

    /**
     * Pauses a queued or running transfer, keeping its bytes and validators for a resume. Does
     * nothing in other states.
     *
     * @throws IllegalArgumentException when there is no transfer with this id
     */
    void pause(long id);

    /**
     * Stops a transfer that is not completed: its partial bytes are deleted and it returns to its
     * initial state, {@link TransferState#CANCELLED}.
     *
     * @throws IllegalArgumentException when there is no transfer with this id
     */
    void stop(long id);

    /**
     * Gives the user name and password for a transfer's server and starts the transfer (as
     * {@link #start(long)}). They are kept in memory only, never stored or logged, and sent only to
     * the origin (scheme, host, port) of the transfer's URL, never after a redirect elsewhere.
     *
     * @throws IllegalArgumentException when there is no transfer with this id
     */
    void authenticate(long id, PasswordAuthentication credentials);

    /**
     * Gives a download a new URL, for a link that expired or moved (a person's "Change URL"; a plug-in
     * can also register an {@link UrlRefresher} to be asked when a link stops working). The transfer
     * keeps its bytes and continues from them at the new URL only if that URL serves the same entity:
     * the resume asks with {@code If-Range} and the validator stored with the bytes, and the length
     * must be the same; otherwise it starts from zero, never splicing two files. A queued or running
     * transfer goes on at the new URL at once (a running one is interrupted and queued again, its
     * bytes kept); a paused, failed or stopped one keeps its state until started. The new URL is
     * stored and is what {@link Transfer#url()} says from then on.
     *
     * @return the transfer with its new URL
     * @throws IllegalArgumentException with a sentence a person can act on: when there is no transfer
     *                                  with this id, it is an upload or completed, or the URL is no
     *                                  URL a download may have ({@link TransferRequest#parseUrl(String)})
     */
    Transfer changeUrl(long id, URI url);

    /**
     * Gives the request headers that a transfer's requests carry from now on, besides the service's
     * own, replacing those given before (an empty list removes them): an API token, a {@code Referer},
     * a {@code User-Agent} a server insists on. Like {@link #authenticate credentials} they are kept in
     * memory only, never stored or logged, since they often are credentials: a transfer continued
     * after the service restarted goes without them until they are given again (its server then
     * answers as it does to a request without them). {@code Authorization} and {@code Cookie} go only
     * to the origin (scheme, host, port) of the transfer's URL, never after a redirect elsewhere; the
     * others to every request of the transfer. A name given twice: the last value. Give them before
     * starting the transfer (add it without starting, then {@link #start}), so that its first request
     * carries them.
     *
     * @throws IllegalArgumentException when there is no transfer with this id
     */
    void setHeaders(long id, List<RequestHeader> headers);

    /** Starts every transfer of the default session that {@link #start(long)} would start. */
    void startAll();

    /** Pauses every queued or running transfer of the default session. */
    void pauseAll();

    /** Stops every transfer of the default session that is not completed. */
    void stopAll();

    /**
     * Stops a transfer and forgets it.
     *
     * @param deleteFile also delete the completed file the service wrote
     * @throws IllegalArgumentException when there is no transfer with this id
     */
    void remove(long id, boolean deleteFile);

    /**
     * Stops the default session's transfers, deletes the files and partial files they wrote (never
     * anything else, never another session's) and forgets them, as {@link TransferSession#reset()}.
     */
    void resetAll();

    /**
     * The diagnostic timeline of a transfer, of any session: its requests (method, URL, {@code Range},
     * {@code If-Range}, the proxy), their answers (status, validators, lengths, {@code Content-Range}),
     * redirects, retries with the delay chosen and why, checkpoints, waits for disk space, requests
     * for credentials (never the credentials), restarts from zero and changes of state, at most
     * {@link TimelineEntry#MAX_KEPT} (see {@link TimelineEntry}). A stored session's timeline is
     * stored with its transfers, written with their changes (no write of its own), and survives a
     * restart; what a crash of the process interrupted since the last write is lost, as the changes
     * are. The default implementation, for a service that keeps no timeline, gives none.
     *
     * @return the entries, oldest first
     * @throws IllegalArgumentException when there is no transfer with this id
     */
    default List<TimelineEntry> timeline(long id) {
        if (get(id).isEmpty()) {
            throw new IllegalArgumentException("There is no transfer with the id " + id + ".");
        }
        return List.of();
    }

    /** @return the options of the service and its default session */
    TransferOptions options();

    /**
     * Changes the options of the service and its default session; running transfers keep their
     * connections, new connections follow the new options. Their per-host limit is also the most
     * connections to one host that every session's transfers together ever hold.
     */
    void setOptions(TransferOptions options);

    /**
     * The bandwidth limit over every transfer of this service, all sessions together, by the time of
     * day. Bandwidth limits ({@link RateLimit}) hold over the bytes each transfer reads from (or, for
     * an upload, writes to) the network: overall (this one), per host ({@link #setHostLimit}), per
     * session ({@link #setSessionLimit}) and per transfer ({@link #setRateLimit}). A transfer goes no
     * faster than the tightest of those that apply to it, and transfers under one limit share it
     * evenly (each connection takes turns in steps of a tenth of a second's worth). A limit set while
     * transfers run holds for them within about a second. A download fetched over several connections
     * is held as one transfer: its connections share its limits, and it opens no further connection
     * while a limit holds it back. Time a transfer waited for a limit never counts against its
     * {@link TransferOptions#minimumSpeed()} nor as a stall.
     *
     * @return the overall limit as set; {@link RateSchedule#UNLIMITED} when none is
     */
    default RateSchedule overallLimit() {
        return RateSchedule.UNLIMITED;
    }

    /**
     * Sets the overall limit (see {@link #overallLimit()}). It is kept in the service's preferences
     * ({@link TransferPreferences#OVERALL_RATE_LIMIT}) and holds again after a restart. A workbench that
     * hands its background sessions to the per-user service sets it there too.
     *
     * @throws UnsupportedOperationException when this service has no bandwidth limits
     */
    default void setOverallLimit(RateSchedule schedule) {
        throw new UnsupportedOperationException();
    }

    /** @return each host that has a limit, its name in lower case, with its limit */
    default Map<String, RateLimit> hostLimits() {
        return Map.of();
    }

    /**
     * Limits the transfers to one host (as the URL names it; case does not matter), all sessions'
     * together; {@link RateLimit#UNLIMITED} lifts the limit. Kept in the service's preferences
     * ({@link TransferPreferences#HOST_RATE_LIMITS}), it holds again after a restart.
     *
     * @throws IllegalArgumentException      when the host is blank
     * @throws UnsupportedOperationException when this service has no bandwidth limits
     */
    default void setHostLimit(String host, RateLimit limit) {
        throw new UnsupportedOperationException();
    }

    /**
     * @return each session that has a limit, by its identifier, with its limit (the limits {@link #setSessionLimit}
     *         set that are in force now)
     */
    default Map<String, RateLimit> sessionLimits() {
        return Map.of();
    }

    /** @return the limit of the session with this identifier; {@link RateLimit#UNLIMITED} when it has none */
    default RateLimit sessionLimit(String identifier) {
        return RateLimit.UNLIMITED;
    }

    /**
     * Limits the transfers of one session together. The limit lasts as long as this service runs (a
     * plug-in sets it when it asks for its session, as it gives its configuration) and ends with
     * {@link TransferSession#invalidate()}.
     *
     * @throws UnsupportedOperationException when this service has no bandwidth limits
     */
    default void setSessionLimit(String identifier, RateLimit limit) {
        throw new UnsupportedOperationException();
    }

    /** @return the limit of the transfer with this id; {@link RateLimit#UNLIMITED} when it has none */
    default RateLimit rateLimit(long id) {
        return RateLimit.UNLIMITED;
    }

    /**
     * Limits one transfer, whether it runs, waits or has yet to start; {@link RateLimit#UNLIMITED}
     * lifts the limit. The limit is stored with the transfer (not for an {@link SessionKind#EPHEMERAL}
     * session's), so it holds again after a restart, until the transfer is removed.
     *
     * @throws IllegalArgumentException      when there is no transfer with this id
     * @throws UnsupportedOperationException when this service has no bandwidth limits
     */
    default void setRateLimit(long id, RateLimit limit) {
        throw new UnsupportedOperationException();
    }
}
