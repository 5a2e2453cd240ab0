package dev.bgtransfer.core.internal.download;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.ByteCounts;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferFailure.Kind;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.internal.http.TransferException;
import dev.bgtransfer.core.spi.TransferRecord;

/**
 * One wait for room on the full disk of a transfer's folder. There is room when the usable space of
 * the folder's file store holds the rest of the entity (at least {@link #MIN_ROOM} when its length is
 * unknown) and a file can be created in the folder (a file system may run out of inodes with bytes to
 * spare). A look costs one statvfs, plus an empty file once the bytes fit.
 */
final class SpaceWait {
    /** How often the usable space is looked at. */
    static final Duration POLL = Duration.ofSeconds(1);
    private static final long MIN_ROOM = 1_000_000;

    private final Path folder;
    private final FileStore store;
    private final long required;
    private final boolean requiredKnown;
    private final long settleUntil;
    private final long deadline;

    /**
     * @param fruitless how many waits in a row ended in another full disk without a byte more on it
     * @return how long to wait before looking for room: a poll, doubled for each fruitless wait, capped
     */
    static Duration settle(int fruitless) {
        Duration doubled = POLL.multipliedBy(1L << Math.min(fruitless, 20));
        return doubled.compareTo(TransferOptions.MAX_RETRY_DELAY) <= 0 ? doubled : TransferOptions.MAX_RETRY_DELAY;
    }

    /**
     * @param record  the resume data as far as the bytes are durable
     * @param bound   how long to wait at most; empty: no bound
     * @param settle  how long not to look for room at all: grows when waits were fruitless, so that a disk that
     *                claims room it does not give is not tried against the server in a tight loop
     * @throws TransferException {@code noSpace} when the folder's file store cannot be found
     */
    SpaceWait(TransferRecord record, Optional<Duration> bound, Duration settle, TransferException noSpace)
            throws TransferException {
        folder = record.folder();
        try {
            store = Files.getFileStore(folder);
        } catch (IOException notThere) {
            throw noSpace;
        }
        requiredKnown = record.total() >= 0;
        required = requiredKnown ? Math.max(0, record.total() - record.bytes()) : MIN_ROOM;
        long now = System.nanoTime();
        settleUntil = now + settle.toNanos();
        deadline = bound.map(limit -> now + Math.min(limit.toNanos(), Long.MAX_VALUE / 4)).orElse(Long.MAX_VALUE);
    }

    /** @return empty when there is room; else why the transfer waits, in words a person can act on */
    Optional<TransferFailure> missingRoom() {
        long usable = usableSpace();
        long missing = required - usable;
        if (missing <= 0 && System.nanoTime() >= settleUntil && canCreateFile()) {
            return Optional.empty();
        }
        String message = requiredKnown && missing > 0
                ? NLS.bind(Messages.waitingForSpace, ByteCounts.format(missing), store)
                : NLS.bind(Messages.waitingForSpaceUnknown, store);
        return Optional.of(new TransferFailure(Kind.DISK, message));
    }

    /** @return whether the bound has passed */
    boolean isOver() {
        return System.nanoTime() - deadline >= 0;
    }

    /** @return the time until the next look: a poll, or less when the bound comes first */
    Duration untilNextLook() {
        long left = deadline - System.nanoTime();
        return left > 0 ? Duration.ofNanos(Math.min(POLL.toNanos(), left)) : POLL;
    }

    private long usableSpace() {
        try {
            return store.getUsableSpace();
        } catch (IOException unreadable) {
            return 0;
        }
    }

    private boolean canCreateFile() {
        try {
            QuietFiles.delete(Files.createTempFile(folder, ".bgtransfer-", ".space"));
            return true;
        } catch (IOException | UnsupportedOperationException cannot) {
            return false;
        }
    }
}
