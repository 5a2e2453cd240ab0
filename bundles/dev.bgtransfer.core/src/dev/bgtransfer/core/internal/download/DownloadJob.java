package dev.bgtransfer.core.internal.download;

import java.net.PasswordAuthentication;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.internal.http.ConnectionAbort;
import dev.bgtransfer.core.internal.http.HttpTransport;
import dev.bgtransfer.core.internal.http.RetryPolicy;
import dev.bgtransfer.core.internal.http.TransferException;
import dev.bgtransfer.core.spi.TransferRecord;

/**
 * The Eclipse Job of one running transfer. Cancelling it (from the engine or the Progress view)
 * closes its connection, so a blocked read ends at once; a cancel that is not the engine's pauses.
 */
public final class DownloadJob extends Job {

    /** Why the engine cancelled the Job; none means someone else did (the Progress view). */
    public enum Intent {
        PAUSE, RESUME, STOP, RESTART, SHUTDOWN
    }

    private final long transferId;
    private final DownloadAttempt attempt;
    private final ConnectionAbort abort;
    private volatile Intent intent;
    private volatile Outcome outcome;

    /** Hears that the Job waits to retry, and until when, with the bytes durable on disk. */
    public interface RetryListener {
        void waiting(TransferRecord durable, TransferFailure lastFailure, Instant retryAt);

        /** The Job waits for its disk, not its host: its connection slot may serve others meanwhile. */
        void lendSlot();

        /** @return whether the Job holds its connection slot again; false while its host has none free */
        boolean reclaimSlot();
    }

    /** Hears everything a Job and its attempts report. */
    public interface Listener extends DownloadAttempt.Listener, RetryListener {
    }

    /** Hears that the run ended, on the Job's thread, before the Job manager announces it. */
    public interface EndListener {
        void ended(DownloadJob job);
    }

    private final RetryPolicy retries;
    /** How long a transfer may wait for room on a full disk; empty: until there is room. */
    private final Optional<Duration> maxSpaceWait;
    private final RetryListener retrying;
    private EndListener ending;
    private volatile boolean taken;

    /**
     * @param credentials for the origin of the transfer's URL, or {@code null}
     * @return a Job, not yet scheduled, that downloads {@code record} under {@code options}
     */
    public static DownloadJob of(TransferRecord record, HttpTransport transport, TransferOptions options,
            PasswordAuthentication credentials, Listener listener) {
        ConnectionAbort abort = new ConnectionAbort();
        DownloadAttempt attempt = new DownloadAttempt(record, transport, options, credentials, abort, listener);
        return new DownloadJob(NLS.bind(Messages.jobName, record.toTransfer().title()), record.id(), attempt, abort,
                new RetryPolicy(options), options.maxSpaceWait(), listener);
    }

    DownloadJob(String name, long transferId, DownloadAttempt attempt, ConnectionAbort abort, RetryPolicy retries,
            Optional<Duration> maxSpaceWait, RetryListener retrying) {
        super(name);
        this.transferId = transferId;
        this.attempt = attempt;
        this.abort = abort;
        this.retries = retries;
        this.maxSpaceWait = maxSpaceWait;
        this.retrying = retrying;
        // visible in the Progress view, but no modal progress dialog for each file
        setSystem(false);
        setUser(false);
        setPriority(LONG);
    }

    /**
     * The engine takes the end of a run from the run itself: the next queued transfer starts
     * without waiting for the Job manager's end-of-job events, whose listeners are serialized.
     */
    public void onEnd(EndListener listener) {
        ending = listener;
    }

    /** The engine has taken the end of this Job: it no longer counts among the running transfers. */
    public void markTaken() {
        taken = true;
    }

    /** @return whether the engine has taken the end of this Job (from its run, or from its done event) */
    public boolean isTaken() {
        return taken;
    }

    public long transferId() {
        return transferId;
    }

    public Intent intent() {
        return intent;
    }

    /** Cancels the Job for a reason the engine acts on when it is done. */
    public void interrupt(Intent why) {
        intent = why;
        cancel();
    }

    /** @return how the run ended; interrupted when the Job was cancelled before it ran */
    public Outcome outcome() {
        Outcome result = outcome;
        return result != null ? result : new Outcome.Interrupted(attempt.record());
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), 1000);
        try {
            outcome = new Outcome.Completed(runWithRetries(progress));
            return Status.OK_STATUS;
        } catch (OperationCanceledException cancelled) {
            outcome = new Outcome.Interrupted(attempt.record());
            return Status.CANCEL_STATUS;
        } catch (TransferException failed) {
            // the failure reaches people through the service's events, not a Job error dialog
            outcome = new Outcome.Failed(attempt.record(), failed);
            return Status.OK_STATUS;
        } catch (RuntimeException bug) {
            ILog.of(DownloadJob.class).error("Transfer " + transferId + " failed unexpectedly", bug);
            outcome = failedUnexpectedly(bug);
            return Status.OK_STATUS;
        } catch (Error severe) {
            // failed, its bytes kept for a retry: without an outcome the engine took it for stopped and deleted them
            outcome = failedUnexpectedly(severe);
            throw severe;
        } finally {
            monitor.done();
            if (ending != null) {
                ending.ended(this);
            }
        }
    }

    private Outcome failedUnexpectedly(Throwable cause) {
        return new Outcome.Failed(attempt.record(), new TransferException(
                new TransferFailure(TransferFailure.Kind.PROTOCOL, Messages.internalError), false, cause));
    }

    /**
     * Runs the attempt, and again from the bytes on disk after each transient failure within the
     * budget, and after each full disk once there is room again.
     */
    private TransferRecord runWithRetries(SubMonitor progress) throws TransferException {
        int retry = 0;
        int fruitlessSpaceWaits = 0;
        long bytesAtSpaceWait = -1;
        while (true) {
            try {
                return attempt.run(progress);
            } catch (TransferException failed) {
                if (failed.isNoSpace()) {
                    long bytes = attempt.record().bytes();
                    fruitlessSpaceWaits = bytes > bytesAtSpaceWait ? 0 : fruitlessSpaceWaits + 1;
                    bytesAtSpaceWait = bytes;
                    awaitSpace(failed, SpaceWait.settle(fruitlessSpaceWaits), progress);
                    continue;
                }
                if (!retries.allows(failed, ++retry)) {
                    throw failed;
                }
                Duration wait = retries.delay(failed, retry);
                retrying.waiting(attempt.record(), failed.failure(), Instant.now().plus(wait));
                progress.subTask(NLS.bind(Messages.waitingToRetry, failed.failure().message()));
                sleep(wait, progress);
            }
        }
    }

    /**
     * Waits, the partial file kept, until the disk has room for the rest; fails with {@code noSpace}
     * once the bound of the options has passed. Pause and stop end the wait like any cancel.
     */
    private void awaitSpace(TransferException noSpace, Duration settle, SubMonitor progress) throws TransferException {
        SpaceWait space = new SpaceWait(attempt.record(), maxSpaceWait, settle, noSpace);
        retrying.lendSlot();
        Optional<TransferFailure> missing;
        while ((missing = space.missingRoom()).isPresent() || !retrying.reclaimSlot()) {
            if (missing.isPresent() && space.isOver()) {
                throw noSpace;
            }
            Duration next = space.untilNextLook();
            missing.ifPresent(reason -> {
                retrying.waiting(attempt.record(), reason, Instant.now().plus(next));
                progress.subTask(reason.message());
            });
            sleep(next, progress);
        }
    }

    /** Sleeps in short steps so that a cancel (pause, stop, shutdown) ends the wait at once. */
    private void sleep(Duration wait, SubMonitor progress) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (progress.isCanceled() || abort.isAborted()) {
                throw new OperationCanceledException();
            }
            try {
                Thread.sleep(Math.min(50, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new OperationCanceledException();
            }
        }
    }

    @Override
    protected void canceling() {
        abort.abort();
    }

    @Override
    public boolean belongsTo(Object family) {
        // once the engine has taken its end, the next transfer may start in its place
        return !taken && (TransferService.JOB_FAMILY.equals(family)
                || family instanceof TransferService.JobFamily(long id) && id == transferId);
    }
}
