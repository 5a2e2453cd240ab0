package dev.bgtransfer.core.internal.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.bgtransfer.core.TimelineEntry;

/**
 * The timelines of the transfers a service has recorded for since it started, by transfer id: each
 * goes on with the sequence its transfer's timeline had (in the store, or waiting to be written).
 */
public final class Timelines {

    /** Where the timelines are kept. */
    public interface Kept extends Timeline.Sink {
        /** @return the highest sequence kept for the transfer, written or waiting; 0 when none */
        long lastTimelineSequence(long transferId);

        /** @return the entries kept for the transfer, written or waiting, oldest first, at most {@link TimelineEntry#MAX_KEPT} */
        List<TimelineEntry> loadTimeline(long transferId);
    }

    private final Kept kept;
    private final Map<Long, Timeline> recording = new ConcurrentHashMap<>();

    public Timelines(Kept kept) {
        this.kept = kept;
    }

    /** @return the timeline of the transfer with this id */
    public Timeline of(long transferId) {
        return recording.computeIfAbsent(transferId, id -> new Timeline(id, kept.lastTimelineSequence(id), kept));
    }

    /**
     * Lets go of the timeline of a transfer that completed, so that memory does not grow with the
     * history; should it be recorded in again, it goes on from the sequence kept.
     */
    public void release(long transferId) {
        recording.remove(transferId);
    }

    /**
     * Stops recording for a transfer that is gone, before the caller deletes its entries: what its
     * Job records afterwards is dropped.
     */
    public void forget(long transferId) {
        Timeline gone = recording.remove(transferId);
        if (gone != null) {
            gone.close();
        }
    }

    /** @return the transfer's entries, with its checkpoints held back at the end, at most {@link TimelineEntry#MAX_KEPT} */
    public List<TimelineEntry> read(long transferId) {
        Timeline timeline = recording.get(transferId);
        List<TimelineEntry> entries = new ArrayList<>(kept.loadTimeline(transferId));
        if (timeline != null) {
            timeline.heldBack().ifPresent(entries::add);
        }
        return TimelineBound.trimmed(entries);
    }
}
