package dev.bgtransfer.ui.internal.handlers;

import dev.bgtransfer.core.TransferService;

/** Stops every transfer that is not complete; their partial bytes are deleted. */
public final class StopAllHandler extends ServiceHandler {
    public StopAllHandler() {
        super(Messages.stopAllJob, TransferService::stopAll);
    }
}
