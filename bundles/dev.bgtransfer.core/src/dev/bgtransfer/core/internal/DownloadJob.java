package dev.bgtransfer.core.internal;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;

import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferService;

/**
 * The Eclipse Job of one running transfer. Cancelling it (from the engine or the Progress view)
 * closes its connection, so a blocked read ends at once.
 */
final class DownloadJob extends Job {

    /** Why the engine cancelled the Job; none means someone else did (the Progress view). */
    enum Intent {
        PAUSE, RESUME, STOP, RESTART, SHUTDOWN
    }

    private final long transferId;
    private final DownloadAttempt attempt;
    private final ConnectionAbort abort;
    private volatile Intent intent;
    private volatile Outcome outcome;

    DownloadJob(String name, long transferId, DownloadAttempt attempt, ConnectionAbort abort) {
        super(name);
        this.transferId = transferId;
        this.attempt = attempt;
        this.abort = abort;
        // visible in the Progress view, but no modal progress dialog for each file
        setSystem(false);
        setUser(false);
        setPriority(LONG);
    }

    long transferId() {
        return transferId;
    }

    Intent intent() {
        return intent;
    }

    /** Cancels the Job for a reason the engine acts on when it is done. */
    void interrupt(Intent why) {
        intent = why;
        cancel();
    }

    /** @return how the run ended; interrupted when the Job was cancelled before it ran */
    Outcome outcome() {
        Outcome result = outcome;
        return result != null ? result : new Outcome.Interrupted(attempt.record());
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), 1000);
        try {
            outcome = new Outcome.Completed(attempt.run(progress));
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
            outcome = new Outcome.Failed(attempt.record(), new TransferException(
                    new TransferFailure(TransferFailure.Kind.PROTOCOL, Messages.internalError), false, bug));
            return Status.OK_STATUS;
        } finally {
            monitor.done();
        }
    }

    @Override
    protected void canceling() {
        abort.abort();
    }

    @Override
    public boolean belongsTo(Object family) {
        return TransferService.JOB_FAMILY.equals(family);
    }
}
