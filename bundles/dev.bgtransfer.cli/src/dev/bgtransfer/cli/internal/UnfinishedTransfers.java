package dev.bgtransfer.cli.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferService;

/**
 * The newest unfinished stored transfer of each {@link TransferKey}, read once however many URLs a
 * command names, so that {@code get} and {@code put} continue what the store holds instead of
 * starting again.
 */
final class UnfinishedTransfers {
    private final Map<TransferKey, Long> newest = new HashMap<>();

    UnfinishedTransfers(TransferService service) {
        for (Transfer transfer : service.unfinished()) {
            newest.merge(TransferKey.of(transfer), transfer.id(), Math::max);
        }
    }

    /** @return the id of the newest unfinished transfer that moves what {@code key} names */
    Optional<Long> find(TransferKey key) {
        return Optional.ofNullable(newest.get(key));
    }

    /** Counts transfer {@code id}, just added, as the one that moves what {@code key} names. */
    void put(TransferKey key, long id) {
        newest.put(key, id);
    }
}
