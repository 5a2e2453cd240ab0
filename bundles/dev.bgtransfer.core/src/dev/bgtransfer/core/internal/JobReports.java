package dev.bgtransfer.core.internal;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;

import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.UrlRefresher;
import dev.bgtransfer.core.internal.download.DownloadJob;
import dev.bgtransfer.core.internal.jobs.TransferJob;
import dev.bgtransfer.core.internal.timeline.Timeline;
import dev.bgtransfer.core.internal.upload.UploadJob;
import dev.bgtransfer.core.spi.TransferRecord;

/**
 * Connects one transfer's Job to the engine: what its attempts report is taken, under the engine's
 * lock, only while the Job is still the transfer's own (a Job the engine let go of is not heard).
 */
final class JobReports extends JobChangeAdapter implements DownloadJob.Listener, UploadJob.Listener {
    private final TransferEngine engine;
    private final LiveTransfers live;
    private final SessionStores store;
    private final long id;
    private final Timeline timeline;
    private TransferJob job;

    JobReports(TransferEngine engine, LiveTransfers live, SessionStores store, long id, Timeline timeline) {
        this.engine = engine;
        this.live = live;
        this.store = store;
        this.id = id;
        this.timeline = timeline;
    }

    @Override
    public Timeline timeline() {
        return timeline;
    }

    void reportOn(TransferJob reporting) {
        this.job = reporting;
        reporting.addJobChangeListener(this);
    }

    @Override
    public void accepted(TransferRecord record, boolean stored) {
        update(record, !stored, true);
    }

    @Override
    public void keep(TransferRecord record) {
        update(record, true, true);
    }

    @Override
    public void checkpoint(TransferRecord record) {
        timeline.checkpoint(record.bytes(), record.total(), record.slices() == null ? 0 : record.slices().size());
        update(record, true, false);
    }

    @Override
    public void progress(long bytes, long total) {
        synchronized (engine) {
            TransferRecord current = live.unfinished(id);
            if (current != null && engine.isRunning(id, job)) {
                live.progress(current.withProgress(bytes, total, current.updated()));
            }
        }
    }

    /**
     * A record to store returns once it is committed (the Job goes on to create or name a file on
     * the strength of it), waiting without the engine's lock so that other Jobs' changes share the
     * commit.
     */
    private void update(TransferRecord record, boolean save, boolean announce) {
        long queued = -1;
        synchronized (engine) {
            if (live.isUnfinished(id) && engine.isRunning(id, job)) {
                if (save) {
                    store.save(record);
                    queued = store.queuedWrites();
                }
                if (announce) {
                    live.stopWaiting(id);
                    live.progress(record);
                }
            }
        }
        if (queued >= 0) {
            store.awaitStored(queued);
        }
    }

    /** Asks the refreshers without the engine's lock, then stores and announces the new URL as any change. */
    @Override
    public Optional<TransferRecord> refreshed(TransferRecord record, UrlRefresher.Reason reason) {
        Optional<URI> fresh = engine.refreshUrl(record.toTransfer(), reason);
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        TransferRecord moved = record.withUrl(fresh.get(), Instant.now());
        update(moved, true, true);
        return Optional.of(moved);
    }

    @Override
    public void moved(TransferRecord record) {
        update(record, true, true);
    }

    @Override
    public void waiting(TransferRecord durable, TransferFailure lastFailure, Instant retryAt) {
        synchronized (engine) {
            if (live.isUnfinished(id) && engine.isRunning(id, job)) {
                live.waiting(durable, lastFailure, retryAt);
            }
        }
    }

    @Override
    public void lendSlot() {
        engine.lendSlot(id, job);
    }

    @Override
    public boolean reclaimSlot() {
        return engine.reclaimSlot(id);
    }

    @Override
    public boolean borrow() {
        return engine.borrowSlot(id, job);
    }

    @Override
    public void giveBack() {
        engine.giveBackSlot(id, job);
    }

    @Override
    public boolean wanted() {
        return engine.slotWanted(id);
    }

    @Override
    public void done(IJobChangeEvent event) {
        if (!job.isTaken()) {
            engine.jobDone(job); // cancelled before it ran: its run never told the engine
        }
    }
}
