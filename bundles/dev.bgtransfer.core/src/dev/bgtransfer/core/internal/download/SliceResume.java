package dev.bgtransfer.core.internal.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.bgtransfer.core.internal.http.TransferException;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.core.spi.TransferRecord.ChunkHash;
import dev.bgtransfer.core.spi.TransferRecord.Slice;

/** What of a download's recorded slices a resume can keep: whether they are on disk, and what their hashes prove. */
final class SliceResume {

    /** The check of the chain from the entity's start, and the record whose slices and hashes match the disk. */
    record Checked(TransferRecord record, ChunkCheck.Result check) {
    }

    private SliceResume() {
    }

    /**
     * @return whether the recorded slices can be resumed: they cover the entity, a validator checks
     *         it, and the partial file holds every byte they say is durable
     */
    static boolean onDisk(TransferRecord record) throws TransferException {
        Path part = record.partFile();
        List<Slice> slices = record.slices();
        if (part == null || record.total() < 0 || slices.isEmpty() || !record.hasIfRangeValidator()
                || !Files.isRegularFile(part, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        long end = 0;
        long written = 0;
        for (Slice slice : slices) {
            if (slice.start() != end) {
                return false;
            }
            end = slice.end();
            written = Math.max(written, slice.start() + slice.durable());
        }
        try {
            return end == record.total() && Files.size(part) >= written;
        } catch (IOException unreadable) {
            throw DiskFailures.disk(unreadable, part);
        }
    }

    /**
     * Checks the bytes of the recorded slices against the chunk hashes: the chain from the entity's
     * start in the read that the SHA-256 needs anyway, each connection's own chain in a read of its
     * bytes. Every slice keeps what the hashes prove (also bytes written after its checkpoint); a
     * slice with bytes in a damaged chunk is cut back to the chunk's start.
     *
     * @return the check of the chain from the start, and {@code record} with its slices and hashes changed
     *         to match
     */
    static Checked check(TransferRecord record) throws TransferException {
        long prefix = 0;
        for (Slice slice : record.slices()) {
            if (slice.start() != prefix) {
                break;
            }
            prefix += slice.durable();
            if (!slice.isDone()) {
                break;
            }
        }
        Path part = record.partFile();
        long onDisk;
        try {
            onDisk = Files.size(part);
        } catch (IOException unreadable) {
            throw DiskFailures.disk(unreadable, part);
        }
        ChunkCheck.Result checked = ChunkCheck.verify(part, Math.min(prefix, onDisk), onDisk, record.chunks());
        List<ChunkCheck.Run> runs = new ArrayList<>(ChunkCheck.verifyRuns(part, onDisk, record.chunks()));
        runs.add(new ChunkCheck.Run(0, checked.length(), checked.damagedChunk(), checked.kept()));
        List<ChunkHash> kept = new ArrayList<>();
        List<Slice> slices = new ArrayList<>(record.slices());
        for (ChunkCheck.Run run : runs) {
            kept.addAll(run.kept());
            slices.replaceAll(slice -> proven(slice, run));
        }
        for (ChunkCheck.Run run : runs) {
            slices.replaceAll(slice -> withoutDamage(slice, run));
        }
        return new Checked(record.withSlices(slices, Instant.now()).withChunks(kept), checked);
    }

    /** @return {@code slice} with the bytes {@code run} proves that continue its durable ones */
    private static Slice proven(Slice slice, ChunkCheck.Run run) {
        long written = slice.start() + slice.durable();
        if (run.start() <= written && written < run.proven()) {
            written = Math.min(slice.end(), run.proven());
        }
        return new Slice(slice.start(), slice.end(), written - slice.start());
    }

    /** @return {@code slice} cut back to the start of the damaged chunk {@code run} found in its bytes, if any */
    private static Slice withoutDamage(Slice slice, ChunkCheck.Run run) {
        long written = slice.start() + slice.durable();
        if (run.damagedEnd() >= 0 && written > run.proven() && slice.start() < run.damagedEnd()) {
            written = Math.max(slice.start(), run.proven());
        }
        return new Slice(slice.start(), slice.end(), written - slice.start());
    }
}
