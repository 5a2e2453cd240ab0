package dev.bgtransfer.ui.internal.dialogs;

import java.net.PasswordAuthentication;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import dev.bgtransfer.ui.internal.Messages;

/**
 * Asks for the user name and password a server wants. They go to the service, which keeps them
 * in memory for this transfer only; the dialog stores nothing.
 */
public final class CredentialsDialog extends TitleAreaDialog {
    private final String host;
    private final String reason;
    private Text user;
    private Text password;
    private PasswordAuthentication credentials;

    /**
     * @param host   the server that asks
     * @param reason why it asks (the transfer's failure)
     */
    public CredentialsDialog(Shell parent, String host, String reason) {
        super(parent);
        this.host = host;
        this.reason = reason;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.credentialsDialogTitle);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(NLS.bind(Messages.credentialsDialogHeading, host));
        setMessage(reason);
        Composite fields = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(fields);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(fields);
        user = field(fields, Messages.credentialsUserLabel, SWT.BORDER);
        password = field(fields, Messages.credentialsPasswordLabel, SWT.BORDER | SWT.PASSWORD);
        user.addModifyListener(event -> updateOk());
        return area;
    }

    private static Text field(Composite parent, String label, int style) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, style);
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(text);
        return text;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.credentialsSignIn, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        updateOk();
    }

    private void updateOk() {
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(!user.getText().isBlank());
        }
    }

    @Override
    protected void okPressed() {
        credentials = new PasswordAuthentication(user.getText().strip(), password.getTextChars());
        super.okPressed();
    }

    /** @return what the person entered; only after OK */
    public PasswordAuthentication credentials() {
        return credentials;
    }
}
