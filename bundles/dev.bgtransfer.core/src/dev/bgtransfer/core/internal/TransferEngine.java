package dev.bgtransfer.core.internal;

import java.net.PasswordAuthentication;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferListener;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.internal.DownloadJob.Intent;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.core.spi.TransferStore;

/**
 * The state machine and scheduler behind the service. Every change is stored, then announced,
 * under one lock; the network and the disk are touched only by the download Jobs, which start
 * only when their host has a free slot. Only unfinished transfers are held in memory: completed
 * ones never change again and are read from the store when asked for, so memory does not grow
 * with the history.
 */
public final class TransferEngine implements AutoCloseable {
    private static final long SHUTDOWN_WAIT_MILLIS = 10_000;

    private final TransferStore store;
    private final HttpTransport transport;
    private final EventDispatcher events;
    /** Every transfer that is not completed, by id. */
    private final Map<Long, TransferRecord> records = new LinkedHashMap<>();
    private final WaitingTransfers queue = new WaitingTransfers();
    private final Map<Long, DownloadJob> jobs = new HashMap<>();
    /** Transfers removed while their Job was running, and whether their completed file goes too. */
    private final Map<Long, Boolean> removedWhileRunning = new HashMap<>();
    /** Credentials given for transfers: in memory only, never in the store. */
    private final Map<Long, PasswordAuthentication> credentials = new HashMap<>();
    /** Running transfers that wait to retry: their last failure and when they try again. */
    private final Map<Long, Retry> waitingToRetry = new HashMap<>();
    private final HostSlots slots = new HostSlots();
    /** Running transfers whose Job gave its connection slot to others while it waits for disk space. */
    private final Set<Long> slotsLent = new HashSet<>();
    private final FinishedBatch batch = new FinishedBatch();
    private TransferOptions options;
    private boolean closed;

    /**
     * @param trustedCertificates a file of certificates to trust besides the JDK's, or {@code null}
     * @param proxies             which URLs go through which proxy
     */
    public TransferEngine(TransferStore store, TransferOptions options, Path trustedCertificates, ProxyFinder proxies,
            Supplier<Collection<TransferListener>> listeners) {
        this.store = store;
        this.options = options;
        this.transport = new HttpTransport(options, trustedCertificates, proxies);
        this.events = new EventDispatcher(listeners);
    }

    /**
     * Takes up what the store holds: transfers that were queued or running continue (or are
     * paused, when {@code continueUnfinished} is false); the others keep their state.
     */
    public synchronized void restore(boolean continueUnfinished) {
        for (TransferRecord stored : store.loadUnfinished()) {
            TransferRecord record = stored;
            if (record.state().isActive()) {
                // its process ended while it ran: the bytes it wrote since its last checkpoint count
                record = CrashedWrites.adopt(record).withState(
                        continueUnfinished ? TransferState.QUEUED : TransferState.PAUSED, null, Instant.now());
                store.save(record);
            }
            records.put(record.id(), record);
            if (record.state() == TransferState.QUEUED) {
                queue.add(record.id(), record.url());
                batch.queued(record.id());
            }
        }
        schedule();
    }

    public synchronized Transfer add(TransferRequest request, boolean start) {
        checkOpen();
        Instant now = Instant.now();
        TransferRecord record = TransferRecord.create(store.nextId(), request.url(), request.title(),
                request.destinationFolder(), request.expectedSha256().orElse(null), now);
        if (start) {
            // stored once, already queued: one write per download here, not two
            record = record.withState(TransferState.QUEUED, null, now);
        }
        store.save(record);
        records.put(record.id(), record);
        Transfer added = record.toTransfer();
        // Added carries the state the first StateChanged leaves: QUEUED for a download, no change from CANCELLED
        events.post(new TransferEvent.Added(added));
        if (start) {
            queue.add(record.id(), record.url());
            batch.queued(record.id());
            schedule();
        }
        return added;
    }

    public synchronized Optional<Transfer> get(long id) {
        return find(id).map(this::snapshot);
    }

    public synchronized List<Transfer> transfers() {
        return withLiveState(store.loadAll());
    }

    public synchronized List<Transfer> unfinished() {
        return records.values().stream().map(this::snapshot).toList();
    }

    public synchronized List<Transfer> transfers(long fromId, int max) {
        return withLiveState(store.loadPage(fromId, max));
    }

    public synchronized long[] ids() {
        return store.ids();
    }

    /**
     * @return the stored records as transfers, unfinished ones as held in memory (with the bytes
     *         moved since their last checkpoint)
     */
    private List<Transfer> withLiveState(List<TransferRecord> stored) {
        return stored.stream().map(record -> snapshot(records.getOrDefault(record.id(), record))).toList();
    }

    private Optional<TransferRecord> find(long id) {
        TransferRecord live = records.get(id);
        return live != null ? Optional.of(live) : store.load(id);
    }

    private Transfer snapshot(TransferRecord record) {
        Transfer transfer = record.toTransfer();
        Retry retry = waitingToRetry.get(record.id());
        return retry == null ? transfer : transfer.waitingToRetry(retry.lastFailure(), retry.at());
    }

    public synchronized void start(long id) {
        TransferRecord record = require(id);
        DownloadJob job = jobs.get(id);
        if (job != null && job.intent() == Intent.PAUSE) {
            job.interrupt(Intent.RESUME);
        } else if (job != null && job.intent() == Intent.STOP) {
            job.interrupt(Intent.RESTART);
        } else if (record.state().canStart()) {
            queue(record);
            schedule();
        }
    }

    public synchronized void authenticate(long id, PasswordAuthentication given) {
        require(id);
        credentials.put(id, Objects.requireNonNull(given, "credentials"));
        start(id);
    }

    public synchronized void pause(long id) {
        TransferRecord record = require(id);
        if (record.state() == TransferState.QUEUED) {
            queue.remove(id);
            transition(record, TransferState.PAUSED, null);
            announceIfAllFinished();
        } else if (jobs.containsKey(id)) {
            jobs.get(id).interrupt(Intent.PAUSE);
        }
    }

    public synchronized void stop(long id) {
        TransferRecord record = require(id);
        if (jobs.containsKey(id)) {
            jobs.get(id).interrupt(Intent.STOP);
        } else if (record.state() != TransferState.COMPLETED && record.state() != TransferState.CANCELLED) {
            queue.remove(id);
            toInitialState(record);
            announceIfAllFinished();
        }
    }

    public synchronized void startAll() {
        new ArrayList<>(records.keySet()).forEach(this::start);
    }

    public synchronized void pauseAll() {
        new ArrayList<>(records.keySet()).forEach(this::pause);
    }

    public synchronized void stopAll() {
        new ArrayList<>(records.keySet()).forEach(this::stop);
    }

    public synchronized void remove(long id, boolean deleteFile) {
        TransferRecord record = require(id);
        queue.remove(id);
        DownloadJob job = jobs.get(id);
        if (job != null) {
            removedWhileRunning.put(id, deleteFile);
            job.interrupt(Intent.STOP);
        } else {
            deleteFiles(record, deleteFile);
        }
        store.delete(id);
        records.remove(id);
        credentials.remove(id);
        batch.removed(id);
        events.post(new TransferEvent.Removed(record.toTransfer()));
        announceIfAllFinished();
    }

    public synchronized void resetAll() {
        batch.clear();
        for (long id : store.ids()) {
            remove(id, true);
        }
        store.clear();
    }

    public synchronized TransferOptions options() {
        return options;
    }

    public synchronized void setOptions(TransferOptions newOptions) {
        options = newOptions;
        transport.setOptions(newOptions);
        schedule();
    }

    private TransferRecord require(long id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("There is no transfer with id " + id));
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The transfer service has been shut down");
        }
    }

    private void queue(TransferRecord record) {
        transition(record, TransferState.QUEUED, null);
        queue.add(record.id(), record.url());
        batch.queued(record.id());
    }

    /** Starts queued transfers, oldest first, while their hosts have free slots. */
    private void schedule() {
        if (closed) {
            return;
        }
        for (long id : queue.takeStartable(slots, options.maxConnectionsPerHost())) {
            launch(transition(records.get(id), TransferState.RUNNING, null));
        }
    }

    private void launch(TransferRecord record) {
        ConnectionAbort abort = new ConnectionAbort();
        JobListener listener = new JobListener(record.id(), record.url());
        DownloadAttempt attempt = new DownloadAttempt(record, transport, options, credentials.get(record.id()),
                abort, listener);
        DownloadJob job = new DownloadJob(NLS.bind(Messages.jobName, record.toTransfer().title()), record.id(),
                attempt, abort, new RetryPolicy(options), listener);
        listener.job = job;
        job.onEnd(this::jobDone);
        job.addJobChangeListener(listener);
        jobs.put(record.id(), job);
        job.schedule();
    }

    /** Stores the record in its new state, then announces it. */
    private TransferRecord transition(TransferRecord record, TransferState next, TransferFailure failure) {
        TransferState previous = require(record.id()).state();
        if (!previous.canMoveTo(next)) {
            throw new IllegalStateException("Transfer " + record.id() + " cannot go from " + previous + " to " + next);
        }
        TransferRecord changed = record.withState(next, failure, Instant.now());
        store.save(changed);
        if (next == TransferState.COMPLETED) {
            records.remove(changed.id()); // history: read from the store from now on
        } else {
            records.put(changed.id(), changed);
        }
        Transfer snapshot = changed.toTransfer();
        events.post(new TransferEvent.StateChanged(snapshot, previous));
        if (next == TransferState.COMPLETED) {
            events.post(new TransferEvent.Completed(snapshot));
        } else if (next == TransferState.FAILED) {
            events.post(new TransferEvent.Failed(snapshot));
        }
        return changed;
    }

    private void toInitialState(TransferRecord record) {
        QuietFiles.delete(record.partFile());
        transition(record.withoutResumeData(Instant.now()), TransferState.CANCELLED, null);
        batch.stopped(record.id());
    }

    private static void deleteFiles(TransferRecord record, boolean deleteFile) {
        QuietFiles.delete(record.partFile());
        if (deleteFile) {
            QuietFiles.delete(record.file());
        }
    }

    private synchronized void jobDone(DownloadJob job) {
        long id = job.transferId();
        if (jobs.get(id) != job) {
            return; // already taken
        }
        jobs.remove(id);
        waitingToRetry.remove(id);
        Outcome outcome = job.outcome();
        if (!slotsLent.remove(id)) {
            slots.release(outcome.record().url());
        }
        if (!records.containsKey(id)) {
            Boolean deleteFile = removedWhileRunning.remove(id);
            deleteFiles(outcome.record(), outcome instanceof Outcome.Completed && Boolean.TRUE.equals(deleteFile));
        } else if (closed && outcome instanceof Outcome.Interrupted interrupted) {
            // shut down mid-transfer: stays RUNNING in the store, and continues at the next start
            store.save(interrupted.record());
        } else {
            finish(outcome, job.intent());
        }
        job.markTaken();
        schedule();
        announceIfAllFinished();
    }

    private void finish(Outcome outcome, Intent intent) {
        switch (outcome) {
            case Outcome.Completed completed -> batch
                    .completed(transition(completed.record(), TransferState.COMPLETED, null).toTransfer());
            case Outcome.Failed failed -> batch
                    .failed(transition(failed.record(), TransferState.FAILED, failed.error().failure()).toTransfer());
            case Outcome.Interrupted interrupted -> {
                TransferRecord record = interrupted.record();
                // no intent: someone else cancelled the Job (the Progress view), which pauses and keeps the bytes
                if (intent == null || intent == Intent.PAUSE || intent == Intent.RESUME) {
                    record = transition(record, TransferState.PAUSED, null);
                } else {
                    toInitialState(record);
                    record = records.get(record.id());
                }
                if (intent == Intent.RESUME || intent == Intent.RESTART) {
                    queue(record);
                }
            }
        }
    }

    /**
     * Announces the end of a batch once nothing is queued or running and every transfer of the batch
     * has completed or failed: a paused one holds the announcement back until it ends.
     */
    private void announceIfAllFinished() {
        if (queue.isEmpty() && jobs.isEmpty()) {
            batch.end().ifPresent(events::post);
        }
    }

    /** Interrupts running Jobs, waits for them, and keeps their state for the next start. */
    @Override
    public void close() {
        List<DownloadJob> running;
        synchronized (this) {
            closed = true;
            running = new ArrayList<>(jobs.values());
            running.forEach(job -> job.interrupt(Intent.SHUTDOWN));
        }
        for (DownloadJob job : running) {
            try {
                if (!job.join(SHUTDOWN_WAIT_MILLIS, null)) {
                    ILog.of(TransferEngine.class).warn("Transfer " + job.transferId() + " did not stop in time");
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        transport.close();
        events.close();
    }

    /** Connects one Job's attempt and its end to the engine. */
    private final class JobListener extends JobChangeAdapter
            implements DownloadAttempt.Listener, DownloadJob.RetryListener {
        private final long id;
        /** The URL of the transfer, whose host the slot is for. */
        private final URI url;
        private DownloadJob job;

        JobListener(long id, URI url) {
            this.id = id;
            this.url = url;
        }

        @Override
        public void accepted(TransferRecord record, boolean stored) {
            update(record, !stored, true);
        }

        @Override
        public void checkpoint(TransferRecord record) {
            update(record, true, false);
        }

        @Override
        public void progress(long bytes, long total) {
            synchronized (TransferEngine.this) {
                TransferRecord current = records.get(id);
                if (current != null && jobs.get(id) == job) {
                    TransferRecord updated = current.withProgress(bytes, total, current.updated());
                    records.put(id, updated);
                    events.post(new TransferEvent.Progress(snapshot(updated)));
                }
            }
        }

        private void update(TransferRecord record, boolean save, boolean announce) {
            synchronized (TransferEngine.this) {
                if (records.containsKey(id) && jobs.get(id) == job) {
                    if (save) {
                        store.save(record);
                    }
                    if (announce) {
                        waitingToRetry.remove(id);
                        records.put(id, record);
                        events.post(new TransferEvent.Progress(snapshot(record)));
                    }
                }
            }
        }

        @Override
        public void waiting(TransferRecord durable, TransferFailure lastFailure, Instant retryAt) {
            synchronized (TransferEngine.this) {
                if (records.containsKey(id) && jobs.get(id) == job) {
                    // shows the bytes the next attempt resumes from, not the last ones seen on the wire
                    records.put(id, durable);
                    waitingToRetry.put(id, new Retry(lastFailure, retryAt));
                    events.post(new TransferEvent.Progress(snapshot(durable)));
                }
            }
        }

        @Override
        public void lendSlot() {
            synchronized (TransferEngine.this) {
                if (jobs.get(id) == job && slotsLent.add(id)) {
                    slots.release(url);
                    schedule();
                }
            }
        }

        @Override
        public boolean reclaimSlot() {
            synchronized (TransferEngine.this) {
                if (!slotsLent.contains(id)) {
                    return true;
                }
                if (!closed && slots.tryAcquire(HostSlots.keyOf(url), options.maxConnectionsPerHost())) {
                    slotsLent.remove(id);
                    return true;
                }
                return false;
            }
        }

        @Override
        public void done(IJobChangeEvent event) {
            if (!job.isTaken()) {
                jobDone(job); // cancelled before it ran: its run never told the engine
            }
        }
    }

    private record Retry(TransferFailure lastFailure, Instant at) {
    }
}
