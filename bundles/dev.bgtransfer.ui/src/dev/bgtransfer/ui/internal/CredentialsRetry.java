package dev.bgtransfer.ui.internal;

import java.net.PasswordAuthentication;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.ui.internal.dialogs.CredentialsDialog;

/** The retry of a transfer whose server wants credentials: ask the person, then hand them over. */
public final class CredentialsRetry {

    private CredentialsRetry() {
    }

    /** @return whether {@code transfer} failed because its server wants a user name and password */
    public static boolean needed(Transfer transfer) {
        return transfer.state() == TransferState.FAILED
                && transfer.failure().map(failure -> failure.kind() == TransferFailure.Kind.CREDENTIALS).orElse(false);
    }

    /** Asks for credentials (on the UI thread) and, after OK, gives them to the service, which retries. */
    public static void ask(Shell shell, Transfer transfer) {
        CredentialsDialog dialog = new CredentialsDialog(shell, transfer.url().getHost(),
                transfer.failure().map(TransferFailure::message).orElse("")); //$NON-NLS-1$
        if (dialog.open() == Window.OK) {
            PasswordAuthentication credentials = dialog.credentials();
            TransferCalls.run(Messages.credentialsJob, service -> service.authenticate(transfer.id(), credentials));
        }
    }
}
