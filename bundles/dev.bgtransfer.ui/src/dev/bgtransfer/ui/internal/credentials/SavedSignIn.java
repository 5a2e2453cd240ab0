package dev.bgtransfer.ui.internal.credentials;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.osgi.service.component.annotations.Component;

import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferListener;

/**
 * Answers a server that asks for credentials with the ones the person saved for its origin, by
 * itself, whether or not the Downloads view is open. Each answer is its own Job, so a storage that
 * has to be unlocked first holds up no other transfer and no event.
 */
@Component(service = TransferListener.class)
public final class SavedSignIn implements TransferListener {

    @Override
    public void transferChanged(TransferEvent event) {
        if (event instanceof TransferEvent.Failed failed && CredentialsRetry.needed(failed.transfer())) {
            Job job = Job.create(Messages.credentialsJob, monitor -> {
                CredentialsRetry.answerWithSaved(failed.transfer());
                return Status.OK_STATUS;
            });
            job.setSystem(true);
            job.schedule();
        } else if (event instanceof TransferEvent.Removed removed) {
            CredentialsRetry.forgetAnswered(removed.transfer().id());
        }
    }
}
