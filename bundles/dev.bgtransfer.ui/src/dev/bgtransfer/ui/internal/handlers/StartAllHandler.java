package dev.bgtransfer.ui.internal.handlers;

import dev.bgtransfer.core.TransferService;

/** Starts (or resumes) every transfer that is not queued, running or complete. */
public final class StartAllHandler extends ServiceHandler {
    public StartAllHandler() {
        super(Messages.startAllJob, TransferService::startAll);
    }
}
