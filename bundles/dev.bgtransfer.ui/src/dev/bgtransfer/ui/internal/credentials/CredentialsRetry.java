package dev.bgtransfer.ui.internal.credentials;

import java.io.IOException;
import java.net.PasswordAuthentication;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.ILog;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.ui.internal.TransferCalls;

/**
 * The retry of a transfer whose server wants credentials: answered once by itself with the saved
 * ones of its origin, else (or when those were refused) by asking the person, who may keep them.
 */
public final class CredentialsRetry {
    /** Transfers answered already, by the saved credentials or by the person: never answered by the saved ones again. */
    private static final Set<Long> ANSWERED = ConcurrentHashMap.newKeySet();

    private CredentialsRetry() {
    }

    /** @return whether {@code transfer} failed because its server wants a user name and password */
    public static boolean needed(Transfer transfer) {
        return transfer.state() == TransferState.FAILED
                && transfer.failure().map(failure -> failure.kind() == TransferFailure.Kind.CREDENTIALS).orElse(false);
    }

    /**
     * Hands the saved credentials of the transfer's origin to the service, once per transfer and never
     * after the person answered. Not on the UI thread: unlocking the storage may ask for its password.
     *
     * @return whether there were saved credentials to answer with
     */
    static boolean answerWithSaved(Transfer transfer) {
        if (ANSWERED.contains(transfer.id())) {
            return false;
        }
        Optional<SavedCredentials> storage = SavedCredentials.open();
        Optional<PasswordAuthentication> saved;
        try {
            saved = storage.isEmpty() ? Optional.empty() : storage.get().find(transfer.url());
        } catch (StorageException unreadable) {
            ILog.of(CredentialsRetry.class).warn(NLS.bind(Messages.credentialsNotRead,
                    SavedCredentials.origin(transfer.url()), unreadable.getMessage()));
            return false;
        }
        if (saved.isEmpty() || !ANSWERED.add(transfer.id())) {
            return false;
        }
        TransferCalls.run(Messages.credentialsJob, service -> service.authenticate(transfer.id(), saved.get()));
        return true;
    }

    /**
     * Asks for credentials (on the UI thread), prefilled with the saved user name, and after OK keeps
     * or forgets them as the person chose and gives them to the service, which retries.
     */
    public static void ask(Shell shell, Transfer transfer) {
        Optional<SavedCredentials> storage = SavedCredentials.open();
        Optional<String> savedUser = storage.flatMap(saved -> saved.userName(transfer.url()));
        CredentialsDialog dialog = new CredentialsDialog(shell, transfer.url().getHost(),
                transfer.failure().map(TransferFailure::message).orElse(""), savedUser, storage.isPresent()); //$NON-NLS-1$
        if (dialog.open() != Window.OK) {
            return;
        }
        PasswordAuthentication credentials = dialog.credentials();
        ANSWERED.add(transfer.id());
        storage.ifPresent(saved -> keepOrForget(saved, transfer, credentials, dialog.remember()));
        TransferCalls.run(Messages.credentialsJob, service -> service.authenticate(transfer.id(), credentials));
    }

    private static void keepOrForget(SavedCredentials saved, Transfer transfer, PasswordAuthentication credentials,
            boolean remember) {
        String origin = SavedCredentials.origin(transfer.url());
        try {
            if (remember) {
                saved.save(transfer.url(), credentials);
            } else {
                saved.forget(transfer.url());
            }
        } catch (StorageException | IOException failed) {
            ILog.of(CredentialsRetry.class).error(NLS.bind(Messages.credentialsNotSaved, origin, failed.getMessage()));
        }
    }

    /** Forgets that {@code id} was answered, once the transfer is gone. */
    static void forgetAnswered(long id) {
        ANSWERED.remove(id);
    }
}
