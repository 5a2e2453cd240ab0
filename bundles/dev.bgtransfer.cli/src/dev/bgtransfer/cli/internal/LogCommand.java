package dev.bgtransfer.cli.internal;

import java.io.PrintStream;
import java.util.List;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.TransferService;

/**
 * {@code log ID}: the diagnostic timeline of one transfer, oldest first, an entry a line as
 * {@link TimelineEntry#text()} writes it, with a line where entries were left out (the bound of
 * {@link TimelineEntry#MAX_KEPT}); or with {@code --json} a JSON object a line as
 * {@link TimelineEntry#toJson()} writes it, and nothing else, for scripts.
 */
final class LogCommand {

    private LogCommand() {
    }

    static int run(TransferService service, long id, boolean json, PrintStream out) {
        List<TimelineEntry> timeline = service.timeline(id);
        if (timeline.isEmpty() && !json) {
            out.println(NLS.bind(Messages.logEmpty, id));
        }
        long previous = 0;
        for (TimelineEntry entry : timeline) {
            if (json) {
                out.println(entry.toJson());
                continue;
            }
            if (entry.sequence() > previous + 1) {
                out.println(NLS.bind(Messages.logLeftOut, new Object[] { entry.sequence() - previous - 1,
                        TimelineEntry.FIRST_KEPT, TimelineEntry.MAX_KEPT }));
            }
            previous = entry.sequence();
            out.println(entry.text());
        }
        out.flush();
        return 0;
    }
}
