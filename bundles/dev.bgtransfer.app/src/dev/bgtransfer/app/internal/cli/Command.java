package dev.bgtransfer.app.internal.cli;

import java.net.PasswordAuthentication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.bgtransfer.core.TransferRequest;

/** What the command line asks for, checked and complete. */
sealed interface Command {

    /**
     * Download {@code requests}; {@code retries} bounds the retries of each transient failure;
     * {@code user} goes to the servers of the URLs that ask for it; {@code spaceWait} bounds the wait
     * for room on a full disk.
     */
    record Get(List<TransferRequest> requests, Path state, Optional<Integer> maxPerHost, Optional<Duration> stallTimeout,
            Optional<Integer> retries, Optional<PasswordAuthentication> user, boolean quiet,
            Optional<Duration> spaceWait) implements Command {
    }

    /** Print the stored transfers. */
    record ListTransfers(Path state) implements Command {
    }

    /** Finish every unfinished stored transfer. */
    record Resume(Path state, boolean quiet) implements Command {
    }

    /** Serve the sample files until stopped. */
    record Samples(Optional<Integer> port, Optional<Long> bytesPerSecond, Optional<PasswordAuthentication> user)
            implements Command {
    }

    /** Print the usage. */
    record Help() implements Command {
    }
}
