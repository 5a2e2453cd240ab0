package dev.bgtransfer.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.cli.internal.remote.Handshake;

/**
 * What {@code daemon status} says of a running daemon.
 *
 * @param underWay     its transfers queued or running
 * @param unfinished   the unfinished transfers it holds (under way, paused, failed or stopped)
 * @param otherClients the clients connected besides the one asking
 * @param api          the socket of the service's API
 * @param apiClients   the clients of the API connected (workbenches)
 */
record DaemonStatus(Path state, long pid, String build, Duration uptime, long underWay, long unfinished,
        int otherClients, Path api, int apiClients, Optional<Duration> idleExit) {

    void print(PrintStream out) {
        String ending = idleExit.map(idle -> NLS.bind(Messages.statusIdleExit, idle.toSeconds()))
                .orElse(Messages.statusNoIdleExit);
        out.println(NLS.bind(Messages.daemonStatus, new Object[] { state, pid, build, Handshake.PROTOCOL,
                words(uptime), underWay, unfinished, otherClients, ending, api, apiClients }));
    }

    /** @return {@code duration} as a person says it: "8 s", "3 min 12 s", "2 h 5 min", "3 d 4 h" */
    static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3_600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        if (seconds < 86_400) {
            return seconds / 3_600 + " h " + seconds % 3_600 / 60 + " min";
        }
        return seconds / 86_400 + " d " + seconds % 86_400 / 3_600 + " h";
    }
}
