package dev.bgtransfer.ui.internal.handlers;

import dev.bgtransfer.ui.internal.WorkbenchSession;

/** Stops every transfer of the workbench's session that is not complete; their partial bytes are deleted. */
public final class StopAllHandler extends ServiceHandler {
    public StopAllHandler() {
        super(Messages.stopAllJob, WorkbenchSession::stopAll);
    }
}
