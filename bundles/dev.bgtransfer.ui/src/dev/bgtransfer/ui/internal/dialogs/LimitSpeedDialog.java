package dev.bgtransfer.ui.internal.dialogs;

import java.util.Collection;
import java.util.Optional;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import dev.bgtransfer.core.RateLimit;

/**
 * Asks for the bandwidth limit of one or more transfers: No limit, or at most a rate typed as curl's
 * {@code --limit-rate} takes it ({@code 500k}, {@code 1.5m}). It opens with the limit the transfers
 * share (the rate, or No limit), or an empty rate when theirs differ. OK stays disabled, with a
 * sentence beneath the rate, until the rate is one.
 */
public final class LimitSpeedDialog extends Dialog {
    private final String subject;
    private final Optional<RateLimit> shared;
    private Button unlimited;
    private Button limited;
    private Text rate;
    private Text problem;
    private RateLimit chosen;

    /**
     * @param titles  the titles of the transfers to limit, at least one
     * @param current the limit of each of them now
     */
    public LimitSpeedDialog(Shell parent, Collection<String> titles, Collection<RateLimit> current) {
        super(parent);
        this.subject = titles.size() == 1 ? NLS.bind(Messages.limitSpeedOne, titles.iterator().next())
                : NLS.bind(Messages.limitSpeedMany, titles.size());
        this.shared = current.stream().distinct().count() == 1 ? Optional.of(current.iterator().next())
                : Optional.empty();
    }

    /** @return why {@code typed} is no rate, or {@code null} when it is one */
    static String problem(String typed) {
        if (typed.isBlank()) {
            return Messages.limitSpeedMissing;
        }
        try {
            RateLimit.parse(typed);
            return null;
        } catch (IllegalArgumentException refused) {
            return refused.getMessage();
        }
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.limitSpeedTitle);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite fields = new Composite(area, SWT.NONE); // within the dialog's own margins
        GridDataFactory.fillDefaults().grab(true, true).applyTo(fields);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(fields);
        Label message = new Label(fields, SWT.WRAP);
        message.setText(shared.isPresent() ? subject : subject + ' ' + Messages.limitSpeedDiffer);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(440, SWT.DEFAULT).applyTo(message);
        unlimited = new Button(fields, SWT.RADIO);
        unlimited.setText(Messages.limitSpeedNone);
        GridDataFactory.fillDefaults().span(3, 1).indent(0, 8).applyTo(unlimited);
        limited = new Button(fields, SWT.RADIO);
        limited.setText(Messages.limitSpeedAtMost);
        rate = new Text(fields, SWT.BORDER | SWT.SINGLE);
        rate.setMessage(Messages.limitSpeedHint);
        GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).applyTo(rate);
        new Label(fields, SWT.NONE).setText(Messages.limitSpeedUnit);
        problem = new Text(fields, SWT.READ_ONLY | SWT.WRAP);
        problem.setBackground(problem.getDisplay().getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
        // room for the longest sentence, so that the dialog keeps its size as it comes and goes
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(440, convertHeightInCharsToPixels(2))
                .applyTo(problem);

        boolean none = shared.isPresent() && !shared.get().isLimited();
        unlimited.setSelection(none);
        limited.setSelection(!none);
        shared.filter(RateLimit::isLimited).ifPresent(limit -> rate.setText(limit.toCurlSyntax()));
        rate.selectAll();
        rate.addModifyListener(event -> {
            if (!limited.getSelection()) { // typing a rate chooses it
                limited.setSelection(true);
                unlimited.setSelection(false);
            }
            validate();
        });
        SelectionListener choice = SelectionListener.widgetSelectedAdapter(event -> validate());
        unlimited.addSelectionListener(choice);
        limited.addSelectionListener(choice);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        validate();
        rate.setFocus();
    }

    private void validate() {
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok == null) {
            return;
        }
        String sentence = limited.getSelection() ? problem(rate.getText()) : null;
        problem.setText(sentence == null ? "" : sentence); //$NON-NLS-1$
        ok.setEnabled(sentence == null);
    }

    @Override
    protected void okPressed() {
        chosen = unlimited.getSelection() ? RateLimit.UNLIMITED : RateLimit.parse(rate.getText());
        super.okPressed();
    }

    /** @return the limit chosen, after the dialog was closed with OK ({@link RateLimit#UNLIMITED} for No limit) */
    public Optional<RateLimit> limit() {
        return Optional.ofNullable(chosen);
    }
}
