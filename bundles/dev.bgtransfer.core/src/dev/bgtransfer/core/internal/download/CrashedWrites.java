package dev.bgtransfer.core.internal.download;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

import dev.bgtransfer.core.spi.TransferRecord;

/**
 * The bytes a process wrote into a partial file after its last checkpoint, before it ended without
 * a word. The end of the process (a crash, {@code kill -9}) loses none of them: the operating system
 * holds what was written and puts it on the disk. The end of the machine (a power cut, a crash of
 * the system) may lose what was not forced to the disk, and some file systems then show the length
 * without the bytes. So bytes last written since the machine started are taken as they are; older
 * ones only up to the checkpoint, which was forced to the disk. Where the platform does not say when
 * it started, only checkpoints count.
 * <p>
 * Only for a transfer the store shows running: its process ended while writing. A paused or failed
 * transfer's record holds exactly the bytes its process wrote, and anything beyond is not ours. A
 * download fetched in slices resumes each from its checkpoint: the file's length does not say which
 * bytes of which slice were written.
 */
public final class CrashedWrites {
    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** The start time is given in whole seconds: a write in the second of the start is not taken as after it. */
    private static final long START_GRANULARITY_SECONDS = 1;
    private static final Optional<Instant> MACHINE_START = readMachineStart();

    private CrashedWrites() {
    }

    /**
     * @param crashed the record of a transfer that was running when its process ended
     * @return the record with the bytes of its partial file, when the file holds more than the
     *         checkpoint and was written since the machine started; else {@code crashed} as it is
     */
    public static TransferRecord adopt(TransferRecord crashed) {
        Path part = crashed.partFile();
        if (part == null || crashed.slices() != null || crashed.etag() == null && crashed.lastModified() == null) {
            return crashed;
        }
        try {
            long onDisk = Files.size(part);
            boolean more = onDisk > crashed.bytes() && (crashed.total() < 0 || onDisk <= crashed.total());
            if (!more || !writtenSinceMachineStart(part)) {
                return crashed;
            }
            // forced before the store says they are durable, as at a checkpoint
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                channel.force(false);
            }
            return crashed.withProgress(onDisk, crashed.total(), crashed.updated());
        } catch (IOException unreadable) {
            return crashed; // the attempt says what is wrong with the file
        }
    }

    /** @return whether {@code file} was last written after the machine last started */
    private static boolean writtenSinceMachineStart(Path file) {
        if (MACHINE_START.isEmpty()) {
            return false;
        }
        try {
            Instant written = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
            return written.isAfter(MACHINE_START.get().plusSeconds(START_GRANULARITY_SECONDS));
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** @return when Linux says the machine started ({@code btime} in {@code /proc/stat}), if it says */
    private static Optional<Instant> readMachineStart() {
        try {
            for (String line : Files.readAllLines(PROC_STAT, StandardCharsets.US_ASCII)) {
                if (line.startsWith("btime ")) {
                    return Optional.of(Instant.ofEpochSecond(Long.parseLong(line.substring(6).strip())));
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // no /proc/stat, or not as expected: trust checkpoints only
        }
        return Optional.empty();
    }
}
