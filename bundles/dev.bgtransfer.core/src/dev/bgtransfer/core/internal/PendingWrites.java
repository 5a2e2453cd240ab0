package dev.bgtransfer.core.internal;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.core.spi.TransferStore;

/**
 * The writes of known transfers that the store refused, most often because its disk is full. A
 * transfer must not stop at 100 % because its new state cannot be written, nor a checkpoint kill
 * its thread: the latest record of each transfer waits here, is read in place of the stored one,
 * and is written again before every later write and when the service ends, so the store catches up
 * as soon as there is room. The log says once when the store refuses and once when it takes them.
 */
final class PendingWrites {
    private final TransferStore store;
    private final Map<Long, TransferRecord> pending = new LinkedHashMap<>(); // oldest change first
    private String refusal; // why the store refuses writes, while it does

    PendingWrites(TransferStore store) {
        this.store = store;
    }

    /** Writes {@code record} after what waits, or has it wait with them when the store refuses. */
    synchronized void save(TransferRecord record) {
        pending.remove(record.id());
        pending.put(record.id(), record);
        flush();
    }

    /**
     * Writes what waits, then {@code record}, a transfer the store does not know yet.
     *
     * @throws UncheckedIOException when the store refuses it: a transfer that cannot be stored is
     *                              not added
     */
    synchronized void saveNew(TransferRecord record) {
        flush();
        store.save(record);
    }

    /** @return whether nothing waits any more */
    synchronized boolean flush() {
        var waiting = pending.values().iterator();
        while (waiting.hasNext()) {
            try {
                store.save(waiting.next());
                waiting.remove();
            } catch (UncheckedIOException refused) {
                if (refusal == null) {
                    refusal = refused.getCause().getMessage();
                    ILog.of(PendingWrites.class).warn(NLS.bind(StoreMessages.storeRefuses, refusal));
                }
                return false;
            }
        }
        if (refusal != null) {
            refusal = null;
            ILog.of(PendingWrites.class).info(StoreMessages.storeTakesWritesAgain);
        }
        return true;
    }

    /** Logs what is lost to the store when it still refuses at the end of the service. */
    synchronized void flushAtEnd() {
        if (!flush()) {
            ILog.of(PendingWrites.class).error(NLS.bind(StoreMessages.storeLostWrites, pending.size(), refusal));
        }
    }

    synchronized void forget(long id) {
        pending.remove(id);
    }

    synchronized void forgetAll() {
        pending.clear();
    }

    /** @return the record of transfer {@code id} waiting to be written */
    synchronized Optional<TransferRecord> get(long id) {
        return Optional.ofNullable(pending.get(id));
    }

    /** @return {@code stored}, each record replaced by the one waiting to be written for its transfer */
    synchronized List<TransferRecord> over(List<TransferRecord> stored) {
        if (pending.isEmpty()) {
            return stored;
        }
        return stored.stream().map(record -> pending.getOrDefault(record.id(), record)).toList();
    }
}
