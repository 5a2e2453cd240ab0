package dev.bgtransfer.core.internal;

import java.net.PasswordAuthentication;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.RequestHeader;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.UploadRequest;
import dev.bgtransfer.core.UrlRefresher;
import dev.bgtransfer.core.internal.bandwidth.Bandwidth;
import dev.bgtransfer.core.internal.data.DataTasks;
import dev.bgtransfer.core.internal.download.QuietFiles;
import dev.bgtransfer.core.internal.http.HttpTransport;
import dev.bgtransfer.core.internal.http.ProxyFinder;
import dev.bgtransfer.core.internal.jobs.Outcome;
import dev.bgtransfer.core.internal.jobs.TransferJob;
import dev.bgtransfer.core.internal.jobs.TransferJob.Intent;
import dev.bgtransfer.core.internal.timeline.Timeline;
import dev.bgtransfer.core.internal.timeline.Timelines;
import dev.bgtransfer.core.internal.upload.UploadCancel;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.core.spi.TransferStore;

/**
 * The state machine and scheduler behind the service. Every change is queued for the store, then
 * announced, under one lock (a start is stored with its Job's first record, see
 * {@link LiveTransfers#start}); the commit is waited for without the lock (see {@link SessionStores}):
 * events are delivered, operations return and Jobs go on only once it is done;
 * the network and the disk are touched only by the transfers' Jobs, which start only when their
 * host has a free slot. Only unfinished transfers are held in memory: completed ones never change
 * again and are read from the store when asked for, so memory does not grow with the history.
 */
final class TransferEngine implements AutoCloseable {
    /** The stored transfers a reset or an invalidation reads at once. */
    static final int REMOVAL_PAGE = 500;

    private final SessionStores store;
    private final HttpTransport transport;
    private final DataTasks data;
    private final EventDispatcher events;
    private final LiveTransfers live;
    private final WaitingTransfers queue = new WaitingTransfers();
    private final RunningJobs running = new RunningJobs();
    private final Sessions sessions;
    private final TransferReads reads;
    private final UrlChanges urls = new UrlChanges();
    private final Timelines timelines;
    private final Bandwidth bandwidth;
    private TransferOptions options;
    private boolean closed;

    /**
     * @param trustedCertificates a file of certificates to trust besides the JDK's, or {@code null}
     * @param proxies             which URLs go through which proxy
     */
    TransferEngine(TransferStore store, TransferOptions options, Path trustedCertificates, ProxyFinder proxies,
            Supplier<Collection<SessionListener>> listeners) {
        this.bandwidth = new Bandwidth(Clock.systemDefaultZone());
        this.sessions = new Sessions(options);
        this.store = new SessionStores(store, sessions::isEphemeral);
        this.options = options;
        this.transport = new HttpTransport(options, trustedCertificates, proxies);
        this.data = new DataTasks(transport);
        this.events = new EventDispatcher(listeners, this.store);
        this.timelines = new Timelines(this.store);
        this.live = new LiveTransfers(this.store, events, timelines);
        this.reads = new TransferReads(this, live, this.store, sessions);
    }

    /** The {@link UrlRefresher}s asked when a link stops working (the service's whiteboard). */
    void setRefreshers(Supplier<List<UrlRefresher>> refreshers) {
        urls.setRefreshers(refreshers);
    }

    /** @return a fresh URL for {@code transfer} from the refreshers; called on its Job's thread, without the lock */
    Optional<URI> refreshUrl(Transfer transfer, UrlRefresher.Reason reason) {
        return urls.refresh(transfer, reason);
    }

    /** @return what the service lists and looks up, read under this engine's lock */
    TransferReads reads() {
        return reads;
    }

    /** @return the bandwidth limits, which hold their own lock: they are read and set without the engine's */
    Bandwidth bandwidth() {
        return bandwidth;
    }

    /**
     * Sets the limit of transfer {@code id} (a running one's connections follow it at once) and keeps it
     * in the store with the transfer, unless its session keeps nothing.
     *
     * @throws IllegalArgumentException when there is no transfer with this id
     */
    synchronized void setRateLimit(long id, RateLimit limit) {
        TransferRecord record = live.require(id);
        bandwidth.setTransfer(id, limit);
        store.saveRateLimit(record, limit.bytesPerSecond());
    }

    /** @return the data tasks, which run on the engine's transport and hold none of its locks */
    DataTasks dataTasks() {
        return data;
    }

    /**
     * Takes up what the store holds: transfers that were queued or running continue (or are
     * paused, when {@code continueUnfinished} is false); the others keep their state.
     */
    synchronized void restore(boolean continueUnfinished) {
        sessions.adopt(store.loadSessions());
        store.loadRateLimits().forEach((id, limit) -> bandwidth.setTransfer(id, RateLimit.of(limit)));
        live.restore(continueUnfinished).stream().filter(record -> record.state() == TransferState.QUEUED)
                .forEach(this::waitForSlot);
        schedule();
    }

    /**
     * Opens the session {@code identifier} under {@code configuration}.
     *
     * @throws IllegalArgumentException when it has transfers and would move into or out of memory
     */
    synchronized void open(String identifier, SessionConfiguration configuration) {
        sessions.open(identifier, configuration, () -> !live.stored(identifier).isEmpty());
        if (!identifier.equals(TransferSession.DEFAULT_IDENTIFIER)) {
            store.saveSession(identifier, configuration);
        }
        schedule();
    }

    synchronized Transfer add(String session, TransferRequest request, boolean start) {
        Instant now = Instant.now();
        return add(id -> {
            TransferRecord created = TransferRecord.create(id, session, request.url(), request.title(),
                    request.destinationFolder(), request.expectedSha256().orElse(null), now)
                    .withMirrors(request.mirrors());
            // a name the requester chose is the name, as one the server gave would be: before any byte
            return request.fileName().map(name -> created.withPartFile(name, null, now)).orElse(created);
        }, start);
    }

    /** Adds an upload of a file of {@code size} bytes (as it is now), queued when {@code start}. */
    synchronized Transfer upload(String session, UploadRequest request, long size, boolean start) {
        return add(id -> TransferRecord.createUpload(id, session, request.file(), request.url(), request.method(),
                request.resumable(), request.title(), size, Instant.now()), start);
    }

    private Transfer add(LongFunction<TransferRecord> created, boolean start) {
        checkOpen();
        TransferRecord record = live.add(created, start);
        if (start) {
            waitForSlot(record);
            schedule();
        }
        return record.toTransfer();
    }

    synchronized void start(long id) {
        TransferRecord record = live.require(id);
        TransferJob job = running.of(id);
        if (job != null && job.intent() == Intent.PAUSE) {
            job.interrupt(Intent.RESUME);
        } else if (job != null && job.intent() == Intent.STOP) {
            job.interrupt(Intent.RESTART);
        } else if (record.state().canStart()) {
            if (record.isUpload() && record.state() == TransferState.FAILED) {
                // a failed upload starts from zero, with the file as it is now
                forgetUpload(record);
                record = record.withoutResumeData(Instant.now());
            }
            queue(record);
            schedule();
        }
    }

    synchronized void authenticate(long id, PasswordAuthentication given) {
        live.require(id);
        running.authenticate(id, Objects.requireNonNull(given, "credentials"));
        start(id);
    }

    synchronized Transfer changeUrl(long id, URI url) {
        TransferRecord record = live.require(id);
        if (record.isUpload()) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.changeUrlUpload, id));
        }
        if (record.state() == TransferState.COMPLETED) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.changeUrlCompleted, id));
        }
        URI checked = UrlChanges.checked(url);
        timelines.of(id).record(TimelineEntry.Kind.URL, "from", Timeline.url(record.url()), "to",
                Timeline.url(checked), "reason", "changed");
        TransferJob job = running.of(id);
        if (job != null) {
            urls.whenJobEnds(id, checked);
            if (job.intent() == null) {
                job.interrupt(Intent.RESUME); // queued again at once, with its bytes, at the new URL
            }
            return record.withUrl(checked, Instant.now()).toTransfer();
        }
        TransferRecord moved = live.changed(record.withUrl(checked, Instant.now()));
        if (moved.state() == TransferState.QUEUED) {
            queue.remove(id); // waits for the new URL's host
            waitForSlot(moved);
            schedule();
        }
        return moved.toTransfer();
    }

    synchronized void setHeaders(long id, List<RequestHeader> headers) {
        live.require(id);
        running.setHeaders(id, Objects.requireNonNull(headers, "headers"));
    }

    synchronized void pause(long id) {
        TransferRecord record = live.require(id);
        if (record.state() == TransferState.QUEUED) {
            queue.remove(id);
            live.transition(record, TransferState.PAUSED, null);
            announceIfAllFinished(record.session());
        } else if (running.of(id) != null) {
            running.of(id).interrupt(Intent.PAUSE);
        }
    }

    synchronized void stop(long id) {
        TransferRecord record = live.require(id);
        if (running.of(id) != null) {
            running.of(id).interrupt(Intent.STOP);
        } else if (record.state() != TransferState.COMPLETED && record.state() != TransferState.CANCELLED) {
            queue.remove(id);
            forgetUpload(record);
            toInitialState(record);
            announceIfAllFinished(record.session());
        }
    }

    /** Does {@code operation} (start, pause or stop) to each unfinished transfer of the session, under one lock. */
    synchronized void forEachUnfinished(String session, LongConsumer operation) {
        live.unfinishedIds(session).forEach(operation::accept);
    }

    synchronized void remove(long id, boolean deleteFile) {
        TransferRecord record = live.require(id);
        queue.remove(id);
        TransferJob job = running.of(id);
        if (job != null) {
            running.removing(id, deleteFile);
        } else {
            forgetUpload(record);
            deleteFiles(record, deleteFile);
        }
        timelines.forget(id);
        store.delete(id);
        bandwidth.forgetTransfer(id);
        live.forget(id);
        running.forget(id);
        sessions.batchOf(record.session()).removed(id);
        events.post(new TransferEvent.Removed(record.toTransfer()));
        announceIfAllFinished(record.session());
    }

    /**
     * Removes every transfer of the session, deleting the files they wrote; nothing is announced as
     * finished. Reads them a page at a time, a long history is never held in memory at once, and
     * holds the lock one removal at a time, so that readers (a view showing the rows) are not held
     * up for the whole reset.
     */
    void reset(String session) {
        synchronized (this) {
            sessions.batchOf(session).clear();
        }
        removeAll(session, true);
    }

    /** Stops the session's transfers (their partial bytes go), forgets them, keeps their files, and forgets the session. */
    synchronized void invalidate(String session) {
        sessions.batchOf(session).clear();
        removeAll(session, false);
        sessions.forget(session);
        bandwidth.forgetSession(session);
        store.deleteSession(session);
        data.cancel(session);
    }

    private void removeAll(String session, boolean deleteFiles) {
        long fromId = 0;
        for (List<TransferRecord> page = live.stored(session, fromId, REMOVAL_PAGE); !page.isEmpty();
                page = live.stored(session, fromId, REMOVAL_PAGE)) {
            for (TransferRecord record : page) {
                removeIfPresent(record.id(), deleteFiles);
            }
            fromId = page.getLast().id() + 1;
        }
    }

    /** Removes the transfer unless another call removed it meanwhile. */
    private synchronized void removeIfPresent(long id, boolean deleteFiles) {
        if (live.find(id).isPresent()) {
            remove(id, deleteFiles);
        }
    }

    /**
     * @return the transfer's timeline, what is stored with what waits to be written
     * @throws IllegalArgumentException when there is no transfer with this id
     */
    List<TimelineEntry> timeline(long id) {
        synchronized (this) {
            live.require(id);
        }
        return timelines.read(id);
    }

    synchronized TransferOptions options() {
        return options;
    }

    synchronized void setOptions(TransferOptions newOptions) {
        options = newOptions;
        sessions.setServiceOptions(newOptions);
        transport.setOptions(newOptions);
        schedule();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(RequestMessages.serviceShutDown);
        }
    }

    private void queue(TransferRecord record) {
        waitForSlot(live.transition(record, TransferState.QUEUED, null));
    }

    private void waitForSlot(TransferRecord queued) {
        queue.add(queued.id(), queued.url(), queued.session());
        sessions.batchOf(queued.session()).queued(queued.id());
    }

    /** Starts queued transfers, oldest first, while their hosts have free slots. */
    private void schedule() {
        if (closed) {
            return;
        }
        for (long id : running.takeStartable(queue, options.maxConnectionsPerHost(), sessions::limitPerHost)) {
            launch(live.start(live.unfinished(id)));
        }
    }

    private void launch(TransferRecord record) {
        running.launch(record, transport, sessions.optionsOf(record.session()),
                bandwidth.throttle(record.id(), record.session(), record.url().getHost()),
                new JobReports(this, live, store, record.id(), timelines.of(record.id()))).onEnd(this::jobEnded);
    }

    /** On the Job's thread: its end is taken under the lock, then stored (committed with others') before it returns. */
    private void jobEnded(TransferJob job) {
        jobDone(job);
        try {
            store.awaitStored();
        } catch (RuntimeException storeFault) {
            // logged where the batch failed; the Job has nobody else to tell
        }
    }

    /**
     * Waits until every change made so far is committed to the store. The service calls it, without
     * the engine's lock, after each operation that changes transfers, so that an operation returns
     * with its changes stored while the commit of many transfers' changes is shared.
     */
    void awaitStored() {
        store.awaitStored();
    }

    private void toInitialState(TransferRecord record) {
        QuietFiles.delete(record.partFile());
        live.transition(record.withoutResumeData(Instant.now()), TransferState.CANCELLED, null);
        sessions.batchOf(record.session()).stopped(record.id());
    }

    /**
     * Asks the server to forget the upload resource of an upload whose Job does not run (that one does
     * it itself); a completed upload has none any more.
     */
    private void forgetUpload(TransferRecord record) {
        if (record.isUpload() && record.upload().resource() != null) {
            UploadCancel.later(transport, record.upload().resource(), sessions.optionsOf(record.session()));
        }
    }

    private static void deleteFiles(TransferRecord record, boolean deleteFile) {
        QuietFiles.delete(record.partFile());
        if (deleteFile) {
            QuietFiles.delete(record.writtenFile());
        }
    }

    /** @return whether {@code job} is the running Job of transfer {@code id} */
    synchronized boolean isRunning(long id, TransferJob job) {
        return running.isRunning(id, job);
    }

    /** A Job waiting for its disk lends its host's connection slot to others. */
    synchronized void lendSlot(long id, TransferJob job) {
        if (running.lend(id, job)) {
            schedule();
        }
    }

    /** @return whether the Job of transfer {@code id} holds its connection slot again */
    synchronized boolean reclaimSlot(long id) {
        // a closed engine hands out no slot
        return running.reclaim(id, closed ? 0 : options.maxConnectionsPerHost(), sessions::limitPerHost);
    }

    /** @return whether the Job of transfer {@code id} took a free slot of its host for one more connection */
    synchronized boolean borrowSlot(long id, TransferJob job) {
        TransferRecord record = live.unfinished(id);
        return !closed && record != null && running.borrow(id, job, queue, options.maxConnectionsPerHost(),
                sessions.limitPerHost(record.session()));
    }

    /** The Job of transfer {@code id} closed a connection it had borrowed a slot for: others may have it. */
    synchronized void giveBackSlot(long id, TransferJob job) {
        running.giveBack(id, job);
        schedule();
    }

    /** @return whether another transfer waits for the host of transfer {@code id}: borrowed slots should go back */
    synchronized boolean slotWanted(long id) {
        return running.hostWanted(id, queue);
    }

    synchronized void jobDone(TransferJob job) {
        if (!running.end(job)) {
            return; // already taken
        }
        Outcome outcome = urls.applyTo(job.outcome());
        long id = job.transferId();
        bandwidth.release(id);
        live.stopWaiting(id);
        if (!live.isUnfinished(id)) {
            boolean withFile = running.removedWithFile(id);
            deleteFiles(outcome.record(), withFile && outcome instanceof Outcome.Completed);
        } else if (closed && outcome instanceof Outcome.Interrupted interrupted) {
            // shut down mid-transfer: stays RUNNING in the store, and continues at the next start
            store.save(interrupted.record());
        } else {
            finish(outcome, job.intent());
        }
        job.markTaken();
        schedule();
        announceIfAllFinished(outcome.record().session());
    }

    private void finish(Outcome outcome, Intent intent) {
        switch (outcome) {
            case Outcome.Completed completed -> sessions.batchOf(completed.record().session())
                    .completed(live.transition(completed.record(), TransferState.COMPLETED, null).toTransfer());
            case Outcome.Failed failed -> sessions.batchOf(failed.record().session())
                    .failed(live.transition(failed.record(), TransferState.FAILED, failed.error().failure()).toTransfer());
            case Outcome.Interrupted interrupted -> {
                TransferRecord record = interrupted.record();
                // no intent: someone else cancelled the Job (the Progress view), which pauses and keeps the bytes
                if (intent == null || intent == Intent.PAUSE || intent == Intent.RESUME) {
                    record = live.transition(record, TransferState.PAUSED, null);
                } else {
                    toInitialState(record);
                    record = live.unfinished(record.id());
                }
                if (intent == Intent.RESUME || intent == Intent.RESTART) {
                    queue(record);
                }
            }
        }
    }

    /** Announces the end of the session's batch once every transfer of it has completed or failed. */
    private void announceIfAllFinished(String session) {
        sessions.allFinished(session).ifPresent(events::post);
    }

    /** Interrupts running Jobs, waits for them, and keeps their state for the next start. */
    @Override
    public void close() {
        List<TransferJob> ending;
        synchronized (this) {
            closed = true;
            ending = running.interruptAll(Intent.SHUTDOWN);
        }
        RunningJobs.join(ending);
        synchronized (this) {
            // nothing of an ephemeral session outlives the process
            live.held().stream().filter(record -> sessions.isEphemeral(record.session()))
                    .forEach(record -> QuietFiles.delete(record.partFile()));
            store.flushAtEnd();
        }
        data.close();
        transport.close();
        events.close();
    }
}
