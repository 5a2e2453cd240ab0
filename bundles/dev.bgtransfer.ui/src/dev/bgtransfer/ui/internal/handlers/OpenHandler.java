package dev.bgtransfer.ui.internal.handlers;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.program.Program;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.ui.internal.OpenableFile;

/**
 * Opens the files of the selected rows with the program the desktop associates with them (Enter,
 * double-click): a completed download's file, an upload's source.
 */
public final class OpenHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        for (Transfer transfer : SelectedTransfers.of(event)) {
            OpenableFile.of(transfer).ifPresent(OpenHandler::launch);
        }
        return null;
    }

    static void launch(Path path) {
        if (!Program.launch(path.toString())) {
            ILog.of(OpenHandler.class).warn(NLS.bind(Messages.cannotOpen, path));
        }
    }
}
