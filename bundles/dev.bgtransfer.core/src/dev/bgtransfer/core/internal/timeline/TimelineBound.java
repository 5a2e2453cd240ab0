package dev.bgtransfer.core.internal.timeline;

import java.util.List;
import java.util.stream.Stream;

import dev.bgtransfer.core.TimelineEntry;

/**
 * The rule of what a transfer's timeline keeps: its first {@link TimelineEntry#FIRST_KEPT} entries
 * (how it began, which the latest would push out in a long transfer with many retries or slices) and
 * the latest after them, {@link TimelineEntry#MAX_KEPT} in all.
 */
public final class TimelineBound {

    private TimelineBound() {
    }

    /** @return the entries of one transfer, in order of their sequence, without those the bound leaves out */
    public static List<TimelineEntry> trimmed(List<TimelineEntry> entries) {
        if (entries.size() <= TimelineEntry.MAX_KEPT) {
            return entries;
        }
        int first = 0;
        while (first < entries.size() && entries.get(first).sequence() <= TimelineEntry.FIRST_KEPT) {
            first++;
        }
        first = Math.min(first, TimelineEntry.FIRST_KEPT);
        List<TimelineEntry> latest = entries.subList(entries.size() - (TimelineEntry.MAX_KEPT - first), entries.size());
        return Stream.concat(entries.subList(0, first).stream(), latest.stream()).toList();
    }

    /** @return whether an entry of this sequence is one of the first, kept whatever follows */
    public static boolean isFirst(long sequence) {
        return sequence <= TimelineEntry.FIRST_KEPT;
    }
}
