package dev.bgtransfer.core.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.internal.timeline.TimelineBound;
import dev.bgtransfer.core.internal.timeline.Timelines;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.core.spi.TransferStore;

/**
 * The store the engine writes to: the transfers of ephemeral sessions in memory only, every other
 * one in the service's store. Ids come from the service's store for both, so that no id is ever
 * used twice. Changes go to the service's store through {@link PendingWrites}, many transfers' in
 * one transaction: {@link #save} queues one and returns at once, {@link #awaitStored} waits until
 * what was queued is committed, and reads see what waits. A change the service's store refuses (a
 * full disk) waits there until the store takes it; only a new transfer is refused with it. The
 * transfers' timelines go the same ways: an ephemeral session's in memory, the others' with the next
 * group commit.
 */
final class SessionStores implements TransferStore, Timelines.Kept {
    private final TransferStore stored;
    private final InMemoryTransferStore memory = new InMemoryTransferStore();
    private final Predicate<String> ephemeral;
    private final PendingWrites pending;

    /** @param ephemeral whether a session (by identifier) keeps its transfers in memory only */
    SessionStores(TransferStore stored, Predicate<String> ephemeral) {
        this.stored = stored;
        this.ephemeral = ephemeral;
        this.pending = new PendingWrites(stored);
    }

    @Override
    public long nextId() {
        return stored.nextId();
    }

    /**
     * Queues a change of a known transfer, which is committed with the next batch (one the service's
     * store refuses waits to be written); call {@link #awaitStored} where it must be stored before
     * going on.
     */
    @Override
    public void save(TransferRecord record) {
        if (ephemeral.test(record.session())) {
            memory.save(record);
        } else {
            pending.save(record);
        }
    }

    /**
     * Keeps a transfer's limit in the service's store at once (it is rare and small): only for a
     * stored session's transfer, whose row it belongs to.
     */
    void saveRateLimit(TransferRecord record, long bytesPerSecond) {
        if (!ephemeral.test(record.session())) {
            stored.saveRateLimit(record.id(), bytesPerSecond);
        }
    }

    @Override
    public Map<Long, Long> loadRateLimits() {
        return stored.loadRateLimits();
    }

    /** @return the number of the latest change queued, for {@link #awaitStored(long)} */
    long queuedWrites() {
        return pending.queued();
    }

    /**
     * Waits until change number {@code queued} and those before it are committed (or refused by the
     * store and waiting to be written again). Call it without the engine's lock, so that other
     * transfers' changes join the batch meanwhile.
     */
    void awaitStored(long queued) {
        pending.await(queued);
    }

    /** Waits until every change queued so far is committed; see {@link #awaitStored(long)}. */
    void awaitStored() {
        pending.await(pending.queued());
    }

    /**
     * Saves a transfer being added.
     *
     * @throws java.io.UncheckedIOException when the service's store refuses it, with the reason
     */
    void saveNew(TransferRecord record) {
        if (ephemeral.test(record.session())) {
            memory.save(record);
        } else {
            pending.saveNew(record);
        }
    }

    /** Writes what waits for the service's store, a last time, as the service ends. */
    void flushAtEnd() {
        pending.flushAtEnd();
    }

    @Override
    public void delete(long id) {
        if (memory.load(id).isPresent()) {
            memory.delete(id);
        } else {
            pending.delete(id);
        }
    }

    @Override
    public List<TransferRecord> loadAll() {
        return merged(memory.loadAll(), pending.over(stored.loadAll())).toList();
    }

    /** Forgets every transfer, of every kind of session. */
    @Override
    public void clear() {
        memory.clear();
        pending.clear();
    }

    @Override
    public Optional<TransferRecord> load(long id) {
        Optional<TransferRecord> inMemory = memory.load(id);
        if (inMemory.isPresent()) {
            return inMemory;
        }
        Optional<TransferRecord> waiting = pending.get(id);
        return waiting.isPresent() ? waiting : stored.load(id);
    }

    /** @return what the service's store holds unfinished: memory holds nothing from before a start */
    @Override
    public List<TransferRecord> loadUnfinished() {
        return pending.over(stored.loadUnfinished());
    }

    @Override
    public List<TransferRecord> loadPage(long fromId, int max) {
        return merged(memory.loadPage(fromId, max), pending.over(stored.loadPage(fromId, max))).limit(max).toList();
    }

    @Override
    public List<TransferRecord> loadSession(String session) {
        return merged(memory.loadSession(session), pending.over(stored.loadSession(session))).toList();
    }

    @Override
    public List<TransferRecord> loadSessionPage(String session, long fromId, int max) {
        return merged(memory.loadSessionPage(session, fromId, max),
                pending.over(stored.loadSessionPage(session, fromId, max))).limit(max).toList();
    }

    @Override
    public long[] ids() {
        return LongStream.concat(LongStream.of(memory.ids()), LongStream.of(stored.ids())).sorted().toArray();
    }

    /** An ephemeral session's configuration is never stored, as its transfers are not. */
    @Override
    public void saveSession(String identifier, SessionConfiguration configuration) {
        if (configuration.kind() != SessionKind.EPHEMERAL) {
            stored.saveSession(identifier, configuration);
        }
    }

    @Override
    public void deleteSession(String identifier) {
        stored.deleteSession(identifier);
    }

    @Override
    public Map<String, SessionConfiguration> loadSessions() {
        return stored.loadSessions();
    }

    /** Queues a timeline entry: in memory for an ephemeral session's transfer, else with the next batch. */
    @Override
    public void append(TimelineEntry entry) {
        if (memory.load(entry.transferId()).isPresent()) {
            memory.appendTimeline(List.of(entry));
        } else {
            pending.append(entry);
        }
    }

    @Override
    public long lastTimelineSequence(long transferId) {
        if (memory.load(transferId).isPresent()) {
            return memory.lastTimelineSequence(transferId);
        }
        List<TimelineEntry> waiting = pending.timelineOf(transferId);
        return waiting.isEmpty() ? stored.lastTimelineSequence(transferId) : waiting.getLast().sequence();
    }

    /** @return the transfer's timeline: what is stored with what waits to be written */
    @Override
    public List<TimelineEntry> loadTimeline(long transferId) {
        if (memory.load(transferId).isPresent()) {
            return memory.loadTimeline(transferId);
        }
        List<TimelineEntry> waiting = pending.timelineOf(transferId);
        List<TimelineEntry> written = stored.loadTimeline(transferId);
        if (waiting.isEmpty()) {
            return written;
        }
        TreeMap<Long, TimelineEntry> bySequence = new TreeMap<>();
        written.forEach(entry -> bySequence.put(entry.sequence(), entry));
        waiting.forEach(entry -> bySequence.put(entry.sequence(), entry));
        return TimelineBound.trimmed(List.copyOf(bySequence.values()));
    }

    private static Stream<TransferRecord> merged(List<TransferRecord> first, List<TransferRecord> second) {
        if (first.isEmpty()) {
            return second.stream();
        }
        return Stream.concat(first.stream(), second.stream()).sorted(Comparator.comparingLong(TransferRecord::id));
    }
}
