package dev.bgtransfer.ui.internal.dialogs;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import dev.bgtransfer.core.TransferRequest;

/**
 * Asks for a URL, an optional title and an optional SHA-256. OK stays disabled, with a message
 * saying what is wrong, until the input makes a valid request. A URL on the clipboard is filled in,
 * selected, so that typing replaces it.
 */
public final class AddDownloadDialog extends TitleAreaDialog {
    private final Path folder;
    private Text url;
    private Text title;
    private Text sha256;
    private Text mirrors;
    private DownloadInput input;

    /**
     * @param parent the parent shell
     * @param folder where the download goes (the download folder preference)
     */
    public AddDownloadDialog(Shell parent, Path folder) {
        super(parent);
        this.folder = folder;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.addDialogTitle);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(Messages.addDialogTitle);
        Composite fields = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(fields);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(fields);
        url = field(fields, Messages.addUrlLabel, Messages.addUrlHint);
        title = field(fields, Messages.addTitleLabel, Messages.addOptionalHint);
        sha256 = field(fields, Messages.addSha256Label, Messages.addOptionalHint);
        mirrors = mirrorsField(fields);
        Label destination = new Label(fields, SWT.WRAP);
        destination.setText(NLS.bind(Messages.addDestination, folder));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(destination);
        urlFromClipboard(parent.getDisplay()).ifPresent(copied -> {
            url.setText(copied);
            url.selectAll();
        });
        return area;
    }

    /**
     * @return the clipboard's text when it is one URL the dialog would take, as a person who just
     *         copied a link expects to find it; anything else on the clipboard is left there
     */
    static Optional<String> urlFromClipboard(Display display) {
        Clipboard clipboard = new Clipboard(display);
        try {
            return clipboard.getContents(TextTransfer.getInstance()) instanceof String text
                    ? DownloadInput.singleUrl(text) : Optional.empty();
        } finally {
            clipboard.dispose();
        }
    }

    private Text field(Composite parent, String label, String hint) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER | SWT.SINGLE);
        text.setMessage(hint);
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(text);
        text.addModifyListener(event -> validate());
        return text;
    }

    /** Other URLs of the same file, one a line: a few lines tall, scrolling beyond. */
    private Text mirrorsField(Composite parent) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(Messages.addMirrorsLabel);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(label);
        Text text = new Text(parent, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        text.setMessage(Messages.addMirrorsHint);
        text.setToolTipText(Messages.addMirrorsTooltip);
        GridDataFactory.fillDefaults().grab(true, false).hint(420, text.getLineHeight() * 3).applyTo(text);
        text.addModifyListener(event -> validate());
        return text;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setText(Messages.addButton);
        validate();
        setErrorMessage(null);
        setMessage(Messages.addDialogMessage);
    }

    private void validate() {
        if (url == null || getButton(IDialogConstants.OK_ID) == null) {
            return;
        }
        input = DownloadInput.check(url.getText(), title.getText(), sha256.getText(), mirrors.getText(), folder);
        getButton(IDialogConstants.OK_ID).setEnabled(input.isValid());
        setErrorMessage(input.problem().orElse(null));
    }

    /** @return the request, after the dialog was closed with OK */
    public Optional<TransferRequest> request() {
        return input == null ? Optional.empty() : input.request();
    }
}
