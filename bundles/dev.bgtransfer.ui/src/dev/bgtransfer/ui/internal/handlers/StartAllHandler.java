package dev.bgtransfer.ui.internal.handlers;

import dev.bgtransfer.ui.internal.WorkbenchSession;

/** Starts (or resumes) every transfer of the workbench's session that is not queued, running or complete. */
public final class StartAllHandler extends ServiceHandler {
    public StartAllHandler() {
        super(Messages.startAllJob, WorkbenchSession::startAll);
    }
}
