package dev.bgtransfer.core.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.TransferState;

/**
 * The storage port of the transfer service. The engine calls it on every state change, before the
 * change is announced, and at progress checkpoints. Implementations must be thread-safe.
 * <p>
 * The service keeps only unfinished transfers in memory and reads completed ones (the history,
 * which only grows) from the store when asked for them: a store that holds much should override
 * the default methods, which read every record.
 */
public interface TransferStore {

    /** @return a transfer id that was never returned before, also across restarts */
    long nextId();

    /** Inserts or replaces the record with this id. */
    void save(TransferRecord record);

    /**
     * Inserts or replaces each record, in one transaction where the store has them: all are stored
     * or, when it throws, none. The engine hands over what many transfers changed meanwhile in one
     * call (a group commit), so a store that pays for each commit should override this; the default
     * saves them one by one.
     *
     * @param records at most one per id
     */
    default void saveAll(List<TransferRecord> records) {
        records.forEach(this::save);
    }

    /** Forgets the record with this id; nothing happens when there is none. */
    void delete(long id);

    /** @return every record, in id order */
    List<TransferRecord> loadAll();

    /** Forgets every record; ids stay unused. */
    void clear();

    /** @return the record with this id, if there is one */
    default Optional<TransferRecord> load(long id) {
        return loadAll().stream().filter(record -> record.id() == id).findFirst();
    }

    /** @return the records that are not {@link TransferState#COMPLETED}, in id order */
    default List<TransferRecord> loadUnfinished() {
        return loadAll().stream().filter(record -> record.state() != TransferState.COMPLETED).toList();
    }

    /**
     * @param fromId the smallest id to return
     * @param max    the most records to return
     * @return the records with an id of at least {@code fromId}, in id order, at most {@code max}
     */
    default List<TransferRecord> loadPage(long fromId, int max) {
        return loadAll().stream().filter(record -> record.id() >= fromId).limit(max).toList();
    }

    /** @return the records of the session with this identifier, in id order */
    default List<TransferRecord> loadSession(String session) {
        return loadAll().stream().filter(record -> record.session().equals(session)).toList();
    }

    /**
     * @param session the session's identifier
     * @param fromId  the smallest id to return
     * @param max     the most records to return
     * @return the records of the session with an id of at least {@code fromId}, in id order, at most {@code max}
     */
    default List<TransferRecord> loadSessionPage(String session, long fromId, int max) {
        return loadAll().stream().filter(record -> record.session().equals(session) && record.id() >= fromId)
                .limit(max).toList();
    }

    /** @return the id of every record, in order */
    default long[] ids() {
        return loadAll().stream().mapToLong(TransferRecord::id).toArray();
    }

    /**
     * Keeps the configuration of a stored session (never an ephemeral one), replacing the one it
     * had, so that after a restart its transfers run under it before anyone asks for the session
     * again. A store that keeps none (the default) has them run under the service's options.
     */
    default void saveSession(String identifier, SessionConfiguration configuration) {
        // keeps none
    }

    /** Forgets the configuration of a session that was invalidated; nothing happens when there is none. */
    default void deleteSession(String identifier) {
        // keeps none
    }

    /** @return the configurations kept by {@link #saveSession}, by session identifier */
    default Map<String, SessionConfiguration> loadSessions() {
        return Map.of();
    }

    /**
     * Stores {@code records} as {@link #saveAll(List)} does and appends {@code timeline}, in one
     * transaction where the store has them: the engine hands over the timeline entries that came
     * meanwhile with the records of the same group commit, so that a timeline costs no commit of its
     * own. The default calls the two methods one after the other.
     *
     * @param records  at most one per id
     * @param timeline entries of transfers this store holds, in order of their sequence per transfer
     */
    default void saveAll(List<TransferRecord> records, List<TimelineEntry> timeline) {
        if (!records.isEmpty()) {
            saveAll(records);
        }
        if (!timeline.isEmpty()) {
            appendTimeline(timeline);
        }
    }

    /**
     * Appends timeline entries; afterwards each transfer keeps only its entries with a sequence up to
     * {@link TimelineEntry#FIRST_KEPT} and the latest after them, {@link TimelineEntry#MAX_KEPT} in all.
     * {@link #delete} and {@link #clear} forget a transfer's timeline with it. A store that keeps no
     * timeline (the default) ignores them.
     */
    default void appendTimeline(List<TimelineEntry> entries) {
        // keeps none
    }

    /** @return the timeline entries kept for the transfer with this id, in order of their sequence */
    default List<TimelineEntry> loadTimeline(long id) {
        return List.of();
    }

    /** @return the highest sequence of the entries kept for the transfer with this id; 0 when it has none */
    default long lastTimelineSequence(long id) {
        List<TimelineEntry> entries = loadTimeline(id);
        return entries.isEmpty() ? 0 : entries.getLast().sequence();
    }

    /**
     * Keeps the bandwidth limit a person or a plug-in set for one transfer (bytes per second; 0: the
     * limit is lifted and may be forgotten), so that it holds again after a restart. {@link #delete(long)}
     * forgets it with the transfer. A store that keeps none (the default) forgets limits at a restart.
     */
    default void saveRateLimit(long id, long bytesPerSecond) {
        // keeps none
    }

    /** @return the limits kept by {@link #saveRateLimit}, bytes per second by transfer id (none of 0) */
    default Map<Long, Long> loadRateLimits() {
        return Map.of();
    }
}
