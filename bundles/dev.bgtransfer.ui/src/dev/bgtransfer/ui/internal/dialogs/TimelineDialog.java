package dev.bgtransfer.ui.internal.dialogs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.ui.internal.TransferCalls;

/**
 * A transfer's diagnostic timeline ({@code TransferService#timeline}), an entry a row: its time (local),
 * its number, what happened and the facts, with a row where entries were left out. Copy puts the text
 * form on the clipboard (what {@code ./bgtransfer log ID} prints), Export... writes the JSON form to a
 * file (see {@link TimelineText}): what a person attaches to a bug report. The timeline is read once,
 * off the UI thread, as the dialog opens (a daemon's may come over its socket).
 */
public final class TimelineDialog extends Dialog {
    static final int COPY_ID = IDialogConstants.CLIENT_ID + 1;
    static final int EXPORT_ID = IDialogConstants.CLIENT_ID + 2;
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS",
            Locale.ROOT);

    private final Transfer transfer;
    private final Function<Shell, Optional<Path>> chooser;
    private Table table;
    private Label summary;
    private List<TimelineEntry> timeline;

    /** Export... asks the desktop's save dialog where the file goes. */
    public TimelineDialog(Shell parent, Transfer transfer) {
        this(parent, transfer, TimelineDialog::askForFile);
    }

    /** @param chooser asks where the exported file goes; empty when the person cancelled */
    TimelineDialog(Shell parent, Transfer transfer, Function<Shell, Optional<Path>> chooser) {
        super(parent);
        this.transfer = transfer;
        this.chooser = chooser;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(NLS.bind(Messages.timelineDialogTitle, transfer.title()));
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().applyTo(area);
        summary = new Label(area, SWT.WRAP);
        summary.setText(NLS.bind(Messages.timelineReading, transfer.url()));
        GridDataFactory.fillDefaults().grab(true, false).hint(860, SWT.DEFAULT).applyTo(summary);
        table = new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column(Messages.timelineTime, 170);
        column(Messages.timelineNumber, 45);
        column(Messages.timelineKind, 95);
        column(Messages.timelineDetails, 700);
        GridDataFactory.fillDefaults().grab(true, true).hint(900, 360).applyTo(table);
        read();
        return area;
    }

    private void column(String name, int width) {
        TableColumn column = new TableColumn(table, SWT.LEFT);
        column.setText(name);
        column.setWidth(width);
    }

    /** Reads the timeline on a Job and shows it once read. */
    private void read() {
        Job job = Job.create(Messages.timelineReadJob, monitor -> {
            Optional<List<TimelineEntry>> read;
            String problem = null;
            try {
                read = TransferCalls.read(service -> service.timeline(transfer.id()));
            } catch (RuntimeException refused) {
                // removed meanwhile, or the daemon went away: a sentence instead of the rows
                read = Optional.empty();
                problem = refused.getMessage();
            }
            List<TimelineEntry> entries = read.orElse(List.of());
            String why = problem;
            if (!table.isDisposed()) {
                table.getDisplay().asyncExec(() -> show(entries, why));
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    private void show(List<TimelineEntry> entries, String problem) {
        if (table.isDisposed()) {
            return;
        }
        timeline = entries;
        long previous = 0;
        for (TimelineEntry entry : entries) {
            if (entry.sequence() > previous + 1) {
                new TableItem(table, SWT.NONE).setText(new String[] { "", "...", "",
                        TimelineText.leftOut(entry.sequence() - previous - 1) });
            }
            previous = entry.sequence();
            new TableItem(table, SWT.NONE).setText(new String[] {
                    LOCAL_TIME.format(entry.time().atZone(ZoneId.systemDefault())), Long.toString(entry.sequence()),
                    entry.kind().label(), details(entry) });
        }
        if (!entries.isEmpty()) {
            table.showItem(table.getItem(table.getItemCount() - 1));
        }
        summary.setText(problem != null ? problem
                : entries.isEmpty() ? Messages.timelineEmpty
                        : NLS.bind(Messages.timelineSummary, new Object[] { transfer.id(), transfer.url(),
                                entries.size(), TimelineEntry.FIRST_KEPT, TimelineEntry.MAX_KEPT }));
        summary.getParent().layout(true);
        getButton(COPY_ID).setEnabled(!entries.isEmpty());
        getButton(EXPORT_ID).setEnabled(!entries.isEmpty());
    }

    private static String details(TimelineEntry entry) {
        return entry.facts().entrySet().stream().map(fact -> fact.getKey() + "=" + fact.getValue())
                .collect(Collectors.joining("   "));
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, COPY_ID, Messages.timelineCopy, false).setEnabled(false);
        createButton(parent, EXPORT_ID, Messages.timelineExport, false).setEnabled(false);
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        switch (buttonId) {
            case COPY_ID -> copy();
            case EXPORT_ID -> chooser.apply(getShell()).ifPresent(this::export);
            case IDialogConstants.CLOSE_ID -> close();
            default -> super.buttonPressed(buttonId);
        }
    }

    private void copy() {
        Clipboard clipboard = new Clipboard(getShell().getDisplay());
        try {
            clipboard.setContents(new Object[] { TimelineText.text(timeline, System.lineSeparator()) },
                    new org.eclipse.swt.dnd.Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
    }

    private void export(Path file) {
        try {
            Files.writeString(file, TimelineText.json(timeline), StandardCharsets.UTF_8);
        } catch (IOException cannotWrite) {
            MessageDialog.openError(getShell(), Messages.timelineExportFailedTitle,
                    NLS.bind(Messages.timelineExportFailed, file, cannotWrite.getMessage()));
        }
    }

    private static Optional<Path> askForFile(Shell shell) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setOverwrite(true);
        dialog.setFilterExtensions(new String[] { "*.json", "*" }); //$NON-NLS-1$ //$NON-NLS-2$
        return Optional.ofNullable(dialog.open()).map(Path::of);
    }
}
