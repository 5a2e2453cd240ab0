package dev.bgtransfer.core.internal.timeline;

/** Gives the timeline of the transfer a Job or an attempt works for; by default none. */
public interface TimelineSource {

    /** @return where the transfer's requests, answers and decisions are recorded */
    default Timeline timeline() {
        return Timeline.NONE;
    }
}
