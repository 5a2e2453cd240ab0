package dev.bgtransfer.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferService;

/**
 * {@code limit --host HOST RATE}, {@code limit --session ID RATE} and {@code limit} alone, which prints
 * the limits in force a line each, tab-separated: {@code overall<TAB>SCHEDULE} first (as
 * {@link dev.bgtransfer.core.RateSchedule#toText()} writes it, {@code 0} for none), then
 * {@code host<TAB>NAME<TAB>RATE} and {@code session<TAB>IDENTIFIER<TAB>RATE}, each sorted by name, rates
 * in curl's syntax. Lines are only ever added, so that a script keeps reading them.
 */
final class LimitCommand {
    private static final int PAGE = 500;

    private final TransferService service;

    LimitCommand(TransferService service) {
        this.service = service;
    }

    int show(PrintStream out) {
        out.println(NLS.bind(Messages.limitOverallLine, service.overallLimit().toText()));
        new TreeMap<>(service.hostLimits()).forEach((host, limit) -> out.println(
                NLS.bind(Messages.limitHostLine, host, limit.toCurlSyntax())));
        new TreeMap<>(service.sessionLimits()).forEach((session, limit) -> out.println(
                NLS.bind(Messages.limitSessionLine, session, limit.toCurlSyntax())));
        out.flush();
        return 0;
    }

    void limitHost(Command.LimitHost command) {
        service.setHostLimit(command.host(), command.limit());
    }

    /**
     * Limits a session the service knows: one with a limit (so that it can be lifted) or one a stored
     * transfer names, found a page of transfers at a time.
     *
     * @return whether it did; if not, a sentence on {@code err}
     */
    boolean limitSession(Command.LimitSession command, PrintStream err) {
        if (!isKnown(command.identifier())) {
            err.println(NLS.bind(Messages.unknownSession, command.identifier(), command.state()));
            return false;
        }
        service.setSessionLimit(command.identifier(), command.limit());
        return true;
    }

    private boolean isKnown(String session) {
        Map<String, RateLimit> limited = service.sessionLimits();
        if (limited.containsKey(session)) {
            return true;
        }
        List<Transfer> page = service.transfers(0, PAGE);
        while (!page.isEmpty()) {
            if (page.stream().anyMatch(transfer -> transfer.session().equals(session))) {
                return true;
            }
            page = page.size() < PAGE ? List.of() : service.transfers(page.getLast().id() + 1, PAGE);
        }
        return false;
    }
}
