package dev.bgtransfer.ui.internal.credentials;

import java.net.PasswordAuthentication;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;


/**
 * Asks for the user name and password a server wants, and whether to remember them in secure
 * storage. The dialog itself stores nothing: its caller gives them to the service (memory only) and
 * saves them when asked to.
 */
final class CredentialsDialog extends TitleAreaDialog {
    private final String host;
    private final String reason;
    private final Optional<String> savedUser;
    private final boolean canRemember;
    private Text user;
    private Text password;
    private Button rememberBox;
    private PasswordAuthentication credentials;
    private boolean remember;

    /**
     * @param host        the server that asks
     * @param reason      why it asks (the transfer's failure)
     * @param savedUser   the user name saved for the server, to fill in; then "remember" starts checked
     * @param canRemember whether secure storage is there to remember them in
     */
    CredentialsDialog(Shell parent, String host, String reason, Optional<String> savedUser,
            boolean canRemember) {
        super(parent);
        this.host = host;
        this.reason = reason;
        this.savedUser = savedUser;
        this.canRemember = canRemember;
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
        rememberBox = new Button(fields, SWT.CHECK);
        rememberBox.setText(Messages.credentialsRemember);
        rememberBox.setToolTipText(Messages.credentialsRememberTooltip);
        rememberBox.setSelection(savedUser.isPresent());
        rememberBox.setEnabled(canRemember);
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 6).applyTo(rememberBox);
        savedUser.ifPresent(user::setText);
        user.addModifyListener(event -> updateOk());
        (savedUser.isPresent() ? password : user).setFocus();
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
        remember = rememberBox.getSelection();
        super.okPressed();
    }

    /** @return whether the person asked to remember the credentials in secure storage; only after OK */
    boolean remember() {
        return remember;
    }

    /** @return what the person entered; only after OK */
    PasswordAuthentication credentials() {
        return credentials;
    }
}
