package dev.bgtransfer.ui.internal.handlers;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;

import dev.bgtransfer.core.Transfer;

/**
 * Opens the folders of the selected transfers in the desktop's file manager: where a download
 * goes, where an upload's file is.
 */
public final class ShowInFolderHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        Set<Path> folders = new LinkedHashSet<>();
        for (Transfer transfer : SelectedTransfers.of(event)) {
            folders.add(transfer.destinationFolder());
        }
        folders.forEach(OpenHandler::launch);
        return null;
    }
}
