package dev.bgtransfer.app.internal.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.ByteCounts;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferService;

/** {@code list}: one tab-separated line per stored transfer (id, state, bytes, URL, file or folder). */
final class ListCommand {

    private ListCommand() {
    }

    static int run(TransferService service, Path state, PrintStream out) {
        if (service.transfers().isEmpty()) {
            out.println(NLS.bind(Messages.noTransfers, state));
            return 0;
        }
        for (Transfer transfer : service.transfers()) {
            String bytes = ByteCounts.format(transfer.bytesReceived()) + " / "
                    + (transfer.isSizeKnown() ? ByteCounts.format(transfer.totalBytes()) : Messages.unknownSize);
            Path where = transfer.file().orElse(transfer.destinationFolder());
            out.println(NLS.bind(Messages.listLine,
                    new Object[] { transfer.id(), transfer.state(), bytes, transfer.url(), where }));
            transfer.failure().ifPresent(failure -> out.println(NLS.bind(Messages.listFailure, failure.message())));
        }
        out.flush();
        return 0;
    }
}
