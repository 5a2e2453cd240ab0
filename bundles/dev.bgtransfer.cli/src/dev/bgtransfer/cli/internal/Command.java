package dev.bgtransfer.cli.internal;

import java.net.PasswordAuthentication;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.bgtransfer.core.RequestHeader;
import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.UploadRequest;

/** What the command line asks for, checked and complete. */
sealed interface Command {

    /** A command on the transfers of one state folder: run by this process or by the service serving the folder. */
    sealed interface OnStore extends Command {
        Path state();
    }

    /**
     * Download {@code requests} in the command line's session under {@code options}; {@code user}
     * goes to the servers of the URLs that ask for it, {@code headers} with every request.
     */
    record Get(List<TransferRequest> requests, Path state, SessionOptions options,
            Optional<PasswordAuthentication> user, boolean quiet, List<RequestHeader> headers) implements OnStore {
    }

    /**
     * Upload a file in the command line's session under {@code options}; {@code user} goes to the
     * server of the URL when it asks for it, {@code headers} with every request.
     */
    record Put(UploadRequest request, Path state, SessionOptions options, Optional<PasswordAuthentication> user,
            boolean quiet, List<RequestHeader> headers) implements OnStore {
    }

    /** Print the stored transfers, a tab-separated line each or, {@code json}, a JSON object each. */
    record ListTransfers(Path state, boolean json) implements OnStore {
    }

    /**
     * Wait until each of the transfers {@code ids} is completed, failed, stopped, removed or paused,
     * printing what {@code get} prints for it.
     */
    record Wait(List<Long> ids, Path state, boolean quiet) implements OnStore {
    }

    /**
     * Print the diagnostic timeline of the transfer {@code id}, an entry a line, or with {@code json} a
     * JSON object a line.
     */
    record Log(long id, Path state, boolean json) implements OnStore {
    }

    /** Finish every unfinished stored transfer. */
    record Resume(Path state, boolean quiet) implements OnStore {
    }

    /** What {@code pause}, {@code start}, {@code stop} and {@code remove} do to the transfers they name. */
    enum Operation {
        PAUSE, START, STOP, REMOVE
    }

    /**
     * Do {@code operation} to the transfers {@code ids} (remove: with their completed files when
     * {@code deleteFile}).
     */
    record ById(Operation operation, List<Long> ids, Path state, boolean deleteFile) implements OnStore {
    }

    /** Give a download a new URL, keeping its bytes where the new URL serves the same file. */
    record ChangeUrl(long id, URI url, Path state) implements OnStore {
    }

    /** Set the bandwidth limit of the transfers {@code ids}, running or not ({@code 0}: lift it). */
    record Limit(List<Long> ids, RateLimit limit, Path state) implements OnStore {
    }

    /** Limit the transfers to {@code host}, all sessions' together ({@code 0}: lift it). */
    record LimitHost(String host, RateLimit limit, Path state) implements OnStore {
    }

    /** Limit the transfers of the session {@code identifier} together ({@code 0}: lift it). */
    record LimitSession(String identifier, RateLimit limit, Path state) implements OnStore {
    }

    /** Print the overall, host and session limits in force, one a line. */
    record ShowLimits(Path state) implements OnStore {
    }

    /** Serve the sample files until stopped. */
    record Samples(Optional<Integer> port, Optional<Long> bytesPerSecond, Optional<PasswordAuthentication> user)
            implements Command {
    }

    /**
     * Run the transfer service for the state folder and take the commands on it that clients hand
     * over: the daemon of the folder. With {@code idleExit}, end after that long without transfers
     * under way and without clients.
     */
    record Serve(Path state, Optional<Duration> idleExit) implements Command {
    }

    /** {@code daemon status} and {@code daemon stop}: about the daemon of a state folder, which they never start. */
    sealed interface DaemonControl extends Command {
        Path state();
    }

    /** Say whether a daemon serves the state folder, and how it does. */
    record DaemonStatus(Path state) implements DaemonControl {
    }

    /** Ask the daemon of the state folder to end; what it had under way continues when it next starts. */
    record DaemonStop(Path state) implements DaemonControl {
    }

    /** Print the usage. */
    record Help() implements Command {
    }
}
