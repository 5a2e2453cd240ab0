package dev.bgtransfer.core.spi;

import java.util.List;

/**
 * The storage port of the transfer service. The engine calls it on every state change, before the
 * change is announced, and at progress checkpoints. Implementations must be thread-safe.
 */
public interface TransferStore {

    /** @return a transfer id that was never returned before, also across restarts */
    long nextId();

    /** Inserts or replaces the record with this id. */
    void save(TransferRecord record);

    /** Forgets the record with this id; nothing happens when there is none. */
    void delete(long id);

    /** @return every record, in id order */
    List<TransferRecord> loadAll();

    /** Forgets every record; ids stay unused. */
    void clear();
}
