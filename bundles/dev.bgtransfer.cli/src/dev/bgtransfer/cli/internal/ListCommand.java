package dev.bgtransfer.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.ByteCounts;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferService;

/**
 * {@code list}: one tab-separated line per stored transfer (id, kind, state, bytes, URL, file or
 * folder, session, then whether it is resumable, {@code yes}, {@code no} or {@code unknown}, and why),
 * or with {@code --json} one JSON object per line ({@link TransferJson}), read a page at a time so that
 * a long history is never held at once. Columns are only ever added at the end, so that a script that
 * reads the first ones keeps working.
 */
final class ListCommand {
    private static final int PAGE = 500;

    private ListCommand() {
    }

    /** @param json a JSON object a line instead of the tab-separated lines */
    static int run(TransferService service, Path state, boolean json, PrintStream out) {
        List<Transfer> page = service.transfers(0, PAGE);
        if (page.isEmpty() && !json) { // JSON lines: none for no transfers, a script needs no sentence to skip
            out.println(NLS.bind(Messages.noTransfers, state));
            return 0;
        }
        while (!page.isEmpty()) {
            page.forEach(transfer -> {
                if (json) {
                    out.println(TransferJson.line(transfer));
                } else {
                    print(transfer, out);
                }
            });
            page = page.size() < PAGE ? List.of() : service.transfers(page.getLast().id() + 1, PAGE);
        }
        out.flush();
        return 0;
    }

    private static void print(Transfer transfer, PrintStream out) {
        String bytes = ByteCounts.format(transfer.bytesReceived()) + " / "
                + (transfer.isSizeKnown() ? ByteCounts.format(transfer.totalBytes()) : Messages.unknownSize);
        Path where = transfer.file().orElse(transfer.destinationFolder());
        String kind = transfer.kind().name().toLowerCase(Locale.ROOT); // a word for scripts, as the state is
        out.println(NLS.bind(Messages.listLine, new Object[] { transfer.id(), kind, transfer.state(), bytes,
                transfer.url(), where, transfer.session(), TransferJson.resumable(transfer.resumability()),
                transfer.resumability().reason() }));
        transfer.failure().ifPresent(failure -> out.println(NLS.bind(Messages.listFailure, failure.message())));
    }
}
