package dev.bgtransfer.cli.internal;

import java.net.PasswordAuthentication;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.RequestHeader;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferService;

/**
 * The newest unfinished stored transfer of each {@link TransferKey}, read once however many URLs a
 * command names, so that {@code get} and {@code put} continue what the store holds instead of
 * starting again.
 */
final class UnfinishedTransfers {
    private final TransferService service;
    private final Map<TransferKey, Long> newest = new HashMap<>();

    UnfinishedTransfers(TransferService service) {
        this.service = service;
        for (Transfer transfer : service.unfinished()) {
            newest.merge(TransferKey.of(transfer), transfer.id(), Math::max);
        }
    }

    /** @return the id of the newest unfinished transfer that moves what {@code key} names */
    private Optional<Long> find(TransferKey key) {
        return Optional.ofNullable(newest.get(key));
    }

    /** Counts transfer {@code id}, just added, as the one that moves what {@code key} names. */
    private void put(TransferKey key, long id) {
        newest.put(key, id);
    }

    /**
     * Starts what {@code key} names: the unfinished transfer the store holds, continued, or else a new
     * one, which counts as {@code key}'s from now on. With {@code user}, {@code headers} or {@code limit},
     * a new one is added without starting, given the headers ({@link TransferService#setHeaders}) and the
     * limit, and started by {@link TransferService#authenticate} or {@link TransferService#start}, so that
     * they are at hand for its first request; without a limit, a continued one keeps the limit it has.
     *
     * @param add   adds the transfer without starting it
     * @param begin adds the transfer and queues it
     * @return the id of the transfer started
     */
    long start(TransferKey key, Optional<PasswordAuthentication> user, List<RequestHeader> headers,
            Optional<RateLimit> limit, Supplier<Transfer> add, Supplier<Transfer> begin) {
        Optional<Long> known = find(key);
        long id;
        if (user.isPresent() || !headers.isEmpty() || limit.isPresent()) {
            id = known.orElseGet(() -> add.get().id());
            service.setHeaders(id, headers);
            limit.ifPresent(rate -> service.setRateLimit(id, rate));
            if (user.isPresent()) {
                service.authenticate(id, user.get());
            } else {
                service.start(id);
            }
        } else if (known.isPresent()) {
            id = known.get();
            service.start(id);
        } else {
            id = begin.get().id();
        }
        put(key, id);
        return id;
    }
}
