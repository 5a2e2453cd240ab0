package dev.bgtransfer.ui.internal.handlers;

import java.util.stream.Collectors;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Display;

/** Copies the URLs of the selected transfers to the clipboard, one a line. */
public final class CopyUrlHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        String urls = SelectedTransfers.of(event).stream().map(transfer -> transfer.url().toString())
                .collect(Collectors.joining(System.lineSeparator()));
        if (!urls.isEmpty()) {
            Clipboard clipboard = new Clipboard(Display.getCurrent());
            try {
                clipboard.setContents(new Object[] { urls }, new Transfer[] { TextTransfer.getInstance() });
            } finally {
                clipboard.dispose();
            }
        }
        return null;
    }
}
