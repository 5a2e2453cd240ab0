package dev.bgtransfer.ui.internal.dialogs;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TimelineEntry;

/**
 * A timeline as the dialog copies and exports it: as text, the lines {@code ./bgtransfer log ID}
 * prints (an entry a line, a line where entries were left out); as JSON, an array of the objects
 * {@link TimelineEntry#toJson()} writes, the ones {@code log --json} prints a line each.
 */
final class TimelineText {

    private TimelineText() {
    }

    /** @return the lines of the text form, without line ends */
    static List<String> lines(List<TimelineEntry> timeline) {
        List<String> lines = new ArrayList<>();
        long previous = 0;
        for (TimelineEntry entry : timeline) {
            if (entry.sequence() > previous + 1) {
                lines.add(leftOut(entry.sequence() - previous - 1));
            }
            previous = entry.sequence();
            lines.add(entry.text());
        }
        return lines;
    }

    /** @return the sentence where {@code count} entries were left out */
    static String leftOut(long count) {
        return NLS.bind(Messages.timelineLeftOut, new Object[] { count, TimelineEntry.FIRST_KEPT,
                TimelineEntry.MAX_KEPT });
    }

    /** @return the text form, a line each, each line ended by {@code lineEnd} */
    static String text(List<TimelineEntry> timeline, String lineEnd) {
        return lines(timeline).stream().map(line -> line + lineEnd).collect(Collectors.joining());
    }

    /** @return the JSON form: an array, an entry's object a line */
    static String json(List<TimelineEntry> timeline) {
        if (timeline.isEmpty()) {
            return "[]\n";
        }
        return timeline.stream().map(TimelineEntry::toJson).collect(Collectors.joining(",\n", "[\n", "\n]\n"));
    }
}
