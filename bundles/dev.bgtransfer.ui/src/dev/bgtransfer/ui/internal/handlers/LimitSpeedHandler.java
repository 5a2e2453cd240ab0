package dev.bgtransfer.ui.internal.handlers;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.ui.internal.TransferCalls;
import dev.bgtransfer.ui.internal.dialogs.LimitSpeedDialog;

/**
 * Asks for the bandwidth limit of the selected unfinished transfers, showing the one they share, and
 * gives it to the service for each of them; a completed transfer has nothing left to limit.
 */
public final class LimitSpeedHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        List<Transfer> selected = SelectedTransfers.of(event).stream()
                .filter(transfer -> transfer.state() != TransferState.COMPLETED).toList();
        if (selected.isEmpty()) {
            return null;
        }
        List<Long> ids = selected.stream().map(Transfer::id).toList();
        List<RateLimit> current = TransferCalls.read(service -> ids.stream().map(service::rateLimit).toList())
                .orElse(List.of(RateLimit.UNLIMITED));
        LimitSpeedDialog dialog = new LimitSpeedDialog(HandlerUtil.getActiveShell(event),
                selected.stream().map(Transfer::title).toList(), current);
        if (dialog.open() == Window.OK) {
            // a call each: one removed meanwhile leaves the others limited
            dialog.limit().ifPresent(limit -> ids.forEach(id -> TransferCalls.run(Messages.limitSpeedJob,
                    service -> service.setRateLimit(id, limit))));
        }
        return null;
    }
}
