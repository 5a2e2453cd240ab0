package dev.bgtransfer.ui.internal.handlers;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.program.Program;

import dev.bgtransfer.core.Transfer;

/** Opens the completed files with the program the desktop associates with them (Enter, double-click). */
public final class OpenHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        for (Transfer transfer : SelectedTransfers.of(event)) {
            transfer.file().ifPresent(OpenHandler::launch);
        }
        return null;
    }

    static void launch(Path path) {
        if (!Program.launch(path.toString())) {
            ILog.of(OpenHandler.class).warn(NLS.bind(Messages.cannotOpen, path));
        }
    }
}
