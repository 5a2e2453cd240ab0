package dev.bgtransfer.ui.internal.dnd;

import java.net.URI;
import java.nio.file.Path;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.dnd.TransferData;
import org.eclipse.swt.dnd.URLTransfer;
import org.eclipse.swt.widgets.Control;

import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.ui.internal.TransferCalls;
import dev.bgtransfer.ui.internal.UiPreferences;
import dev.bgtransfer.ui.internal.WorkbenchSession;

/**
 * Links, text and text files of URLs dropped on the Downloads view become downloads into the download
 * folder, in the workbench's session, as Add Download makes them. Lines that are no URL are named in
 * a dialog after the others were added.
 */
public final class UrlDrop extends DropTargetAdapter {
    private static final Transfer[] ACCEPTED = { URLTransfer.getInstance(), FileTransfer.getInstance(),
            TextTransfer.getInstance() };
    private final Control control;

    private UrlDrop(Control control) {
        this.control = control;
    }

    /** Makes {@code control} take drops of links, files and text. */
    public static void install(Control control) {
        DropTarget target = new DropTarget(control, DND.DROP_COPY | DND.DROP_LINK | DND.DROP_DEFAULT);
        target.setTransfer(ACCEPTED);
        target.addDropListener(new UrlDrop(control));
    }

    @Override
    public void dragEnter(DropTargetEvent event) {
        // the richest form the source offers: a link, else files, else text
        for (Transfer transfer : ACCEPTED) {
            for (TransferData offered : event.dataTypes) {
                if (transfer.isSupportedType(offered)) {
                    event.currentDataType = offered;
                    event.detail = (event.operations & DND.DROP_COPY) != 0 ? DND.DROP_COPY : DND.DROP_LINK;
                    return;
                }
            }
        }
        event.detail = DND.DROP_NONE;
    }

    @Override
    public void dragOperationChanged(DropTargetEvent event) {
        if (event.detail == DND.DROP_DEFAULT || event.detail == DND.DROP_MOVE) {
            event.detail = (event.operations & DND.DROP_COPY) != 0 ? DND.DROP_COPY : DND.DROP_LINK;
        }
    }

    @Override
    public void drop(DropTargetEvent event) {
        if (URLTransfer.getInstance().isSupportedType(event.currentDataType) && event.data instanceof String link) {
            add(DroppedUrls.ofLink(link));
        } else if (event.data instanceof String[] files) {
            add(DroppedUrls.ofFiles(files));
        } else if (event.data instanceof String text) {
            add(DroppedUrls.ofText(text));
        }
    }

    /** Adds what was dropped and tells a person about what was not; on the UI thread. */
    void add(DroppedUrls dropped) {
        Path folder = UiPreferences.downloadFolder();
        if (!dropped.urls().isEmpty()) {
            TransferCalls.run(Messages.dropJob, service -> {
                for (URI url : dropped.urls()) {
                    WorkbenchSession.download(service, TransferRequest.of(url, folder));
                }
            });
        }
        if (!dropped.problems().isEmpty()) {
            String lines = String.join("\n", dropped.problems()); //$NON-NLS-1$
            String message = dropped.urls().isEmpty() ? NLS.bind(Messages.dropProblemsNoneAdded, lines)
                    : NLS.bind(Messages.dropProblemsAdded, dropped.urls().size(), lines);
            MessageDialog.openWarning(control.getShell(), Messages.dropProblemsTitle, message);
        }
    }

    /** @return the drop listener installed on {@code control}, if any (for tests, which cannot drag) */
    static UrlDrop of(Control control) {
        if (control.getData(DND.DROP_TARGET_KEY) instanceof DropTarget target) {
            for (var listener : target.getDropListeners()) {
                if (listener instanceof UrlDrop drop) {
                    return drop;
                }
            }
        }
        return null;
    }
}
