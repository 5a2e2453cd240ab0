package dev.bgtransfer.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.internal.timeline.TimelineBound;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.core.spi.TransferStore;

/**
 * A store that lives as long as the service: used when no persistent store is registered, and for
 * ephemeral sessions. Keeps timelines to their bound as a persistent store does.
 */
final class InMemoryTransferStore implements TransferStore {
    private final AtomicLong lastId = new AtomicLong();
    private final ConcurrentNavigableMap<Long, TransferRecord> records = new ConcurrentSkipListMap<>();
    private final Map<Long, List<TimelineEntry>> timelines = new ConcurrentSkipListMap<>();

    @Override
    public long nextId() {
        return lastId.incrementAndGet();
    }

    @Override
    public void save(TransferRecord record) {
        records.put(record.id(), record);
    }

    @Override
    public void delete(long id) {
        records.remove(id);
        timelines.remove(id);
    }

    @Override
    public List<TransferRecord> loadAll() {
        return new ArrayList<>(records.values());
    }

    @Override
    public void clear() {
        records.clear();
        timelines.clear();
    }

    @Override
    public void appendTimeline(List<TimelineEntry> entries) {
        for (TimelineEntry entry : entries) {
            timelines.compute(entry.transferId(), (id, kept) -> {
                List<TimelineEntry> more = new ArrayList<>(kept == null ? List.of() : kept);
                more.add(entry);
                return TimelineBound.trimmed(more);
            });
        }
    }

    @Override
    public List<TimelineEntry> loadTimeline(long id) {
        return List.copyOf(timelines.getOrDefault(id, List.of()));
    }

    @Override
    public Optional<TransferRecord> load(long id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public List<TransferRecord> loadPage(long fromId, int max) {
        return records.tailMap(fromId).values().stream().limit(max).toList();
    }

    @Override
    public List<TransferRecord> loadSession(String session) {
        return records.values().stream().filter(record -> record.session().equals(session)).toList();
    }

    @Override
    public List<TransferRecord> loadSessionPage(String session, long fromId, int max) {
        return records.tailMap(fromId).values().stream().filter(record -> record.session().equals(session))
                .limit(max).toList();
    }

    @Override
    public long[] ids() {
        return records.keySet().stream().mapToLong(Long::longValue).toArray();
    }
}
