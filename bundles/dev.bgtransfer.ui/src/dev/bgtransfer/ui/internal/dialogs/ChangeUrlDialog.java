package dev.bgtransfer.ui.internal.dialogs;

import java.net.URI;
import java.util.Optional;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;

/**
 * Asks for a download's new URL, the current one filled in. OK stays disabled, with a sentence, until
 * the text is a URL a download may have that differs from the current one.
 */
public final class ChangeUrlDialog extends InputDialog {
    private URI url;

    public ChangeUrlDialog(Shell parent, Transfer transfer) {
        super(parent, Messages.changeUrlTitle, NLS.bind(Messages.changeUrlMessage, transfer.title()),
                transfer.url().toString(), typed -> problem(typed, transfer.url()));
    }

    /** @return why {@code typed} cannot be the new URL, or {@code null} when it can */
    static String problem(String typed, URI current) {
        if (typed.strip().isEmpty()) {
            return Messages.addUrlMissing;
        }
        try {
            return TransferRequest.parseUrl(typed).equals(current) ? Messages.changeUrlSame : null;
        } catch (IllegalArgumentException refused) {
            return refused.getMessage();
        }
    }

    @Override
    protected void okPressed() {
        url = TransferRequest.parseUrl(getValue());
        super.okPressed();
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    /** @return the new URL, after the dialog was closed with OK */
    public Optional<URI> url() {
        return Optional.ofNullable(url);
    }
}
