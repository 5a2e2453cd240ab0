package dev.bgtransfer.ui.internal.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.ui.internal.WorkbenchSession;

/**
 * What the workbench tells when it starts again, of the transfers of its own session that were under
 * way when it last ran ({@link UnderWayRecord}): nothing while any of them is still under way, paused
 * or stopped (a pause is not the end, as for the service's own {@link TransferEvent.AllFinished}); once
 * every one that is still there has completed or failed, the batch that finished while it was away.
 */
final class FinishedWhileAway {

    private FinishedWhileAway() {
    }

    /**
     * Looks up the transfers recorded at the last run and forgets those that are no longer under way,
     * so that they are told once.
     *
     * @param atStart the record as this start of the workbench found it
     * @return the batch that finished while the workbench was away, if it did
     */
    static Optional<TransferEvent.AllFinished> check(TransferService service, UnderWayRecord record,
            Set<Long> atStart) {
        List<Transfer> found = new ArrayList<>();
        List<Long> ended = new ArrayList<>();
        for (long id : atStart) {
            Optional<Transfer> transfer = service.get(id);
            transfer.ifPresent(found::add);
            if (transfer.map(t -> !UnderWayRecord.isUnderWay(t)).orElse(true)) {
                ended.add(id);
            }
        }
        // an event heard since this start took one out: it ended (or paused) while the workbench watched,
        // and the service's own AllFinished tells of that batch
        boolean heardSinceStart = !record.ids().containsAll(atStart);
        record.forget(ended);
        if (heardSinceStart || found.isEmpty() || !found.stream().allMatch(FinishedWhileAway::hasEnded)) {
            return Optional.empty();
        }
        return Optional.of(new TransferEvent.AllFinished(WorkbenchSession.IDENTIFIER,
                found.stream().filter(t -> t.state() == TransferState.COMPLETED).toList(),
                found.stream().filter(t -> t.state() == TransferState.FAILED).toList()));
    }

    private static boolean hasEnded(Transfer transfer) {
        return transfer.state() == TransferState.COMPLETED || transfer.state() == TransferState.FAILED;
    }
}
