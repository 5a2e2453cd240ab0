package dev.bgtransfer.core.internal.jobs;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TimelineEntry.Kind;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.internal.http.ConnectionAbort;
import dev.bgtransfer.core.internal.http.RetryPolicy;
import dev.bgtransfer.core.internal.http.TransferException;
import dev.bgtransfer.core.internal.timeline.Timeline;
import dev.bgtransfer.core.internal.timeline.TimelineSource;
import dev.bgtransfer.core.spi.TransferRecord;

/**
 * The Eclipse Job of one running transfer, a download or an upload. Cancelling it (from the engine
 * or the Progress view) closes its connection, so a blocked read or write ends at once; a cancel
 * that is not the engine's pauses.
 */
public abstract class TransferJob extends Job {

    /** Why the engine cancelled the Job; none means someone else did (the Progress view). */
    public enum Intent {
        PAUSE, RESUME, STOP, RESTART, SHUTDOWN
    }

    /** Hears that the run ended, on the Job's thread, before the Job manager announces it. */
    public interface EndListener {
        void ended(TransferJob job);
    }

    /** Hears that the Job waits to retry, and until when, with what is durable. */
    public interface RetryListener extends TimelineSource {
        void waiting(TransferRecord durable, TransferFailure lastFailure, Instant retryAt);
    }

    private final long transferId;
    /** Breaks the Job's blocked connect, read or write when it is cancelled. */
    protected final ConnectionAbort abort;
    private volatile Intent intent;
    private volatile Outcome outcome;
    private EndListener ending;
    private volatile boolean taken;

    protected TransferJob(String name, long transferId, ConnectionAbort abort) {
        super(name);
        this.transferId = transferId;
        this.abort = abort;
        // visible in the Progress view, but no modal progress dialog for each file
        setSystem(false);
        setUser(false);
        setPriority(LONG);
    }

    /** @return the transfer as far as it got: what is durable on disk or at the server */
    protected abstract TransferRecord current();

    /**
     * Transfers, retrying within the budget.
     *
     * @return the completed transfer
     * @throws OperationCanceledException when the Job was cancelled
     */
    protected abstract TransferRecord transfer(SubMonitor progress) throws TransferException;

    /** Called on the Job's thread once a cancelled run has stopped, before the engine hears of it. */
    protected void interrupted() {
        // nothing to tidy up by default
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
        return result != null ? result : new Outcome.Interrupted(current());
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        // no task name: the Progress view shows the Job's, which names the file; a task name would repeat it
        SubMonitor progress = SubMonitor.convert(monitor, 1000);
        try {
            outcome = new Outcome.Completed(transfer(progress));
            return Status.OK_STATUS;
        } catch (OperationCanceledException cancelled) {
            interrupted();
            outcome = new Outcome.Interrupted(current());
            return Status.CANCEL_STATUS;
        } catch (TransferException failed) {
            // the failure reaches people through the service's events, not a Job error dialog
            outcome = new Outcome.Failed(current(), failed);
            return Status.OK_STATUS;
        } catch (RuntimeException bug) {
            ILog.of(getClass()).error("Transfer " + transferId + " failed unexpectedly", bug);
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
        return new Outcome.Failed(current(), new TransferException(
                new TransferFailure(TransferFailure.Kind.PROTOCOL, Messages.internalError), false, cause));
    }

    /**
     * Waits before retry number {@code retry} after {@code failed}, telling {@code listener}.
     *
     * @throws TransferException {@code failed}, when {@code retries} allow no further attempt
     */
    protected final void awaitRetry(RetryPolicy retries, TransferException failed, int retry, RetryListener listener,
            SubMonitor progress) throws TransferException {
        if (!retries.allows(failed, retry)) {
            throw failed;
        }
        RetryPolicy.Backoff backoff = retries.backoff(failed, retry);
        Duration wait = backoff.delay();
        listener.timeline().record(Kind.RETRY, "retry", retry + " of " + retries.maxRetries(), "delay",
                Timeline.duration(wait), "basis", backoff.basis(), "reason", failed.failure().message());
        listener.waiting(current(), failed.failure(), Instant.now().plus(wait));
        progress.subTask(NLS.bind(Messages.waitingToRetry, failed.failure().message()));
        sleep(wait, progress);
    }

    /** Sleeps in short steps so that a cancel (pause, stop, shutdown) ends the wait at once. */
    protected final void sleep(Duration wait, SubMonitor progress) {
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
