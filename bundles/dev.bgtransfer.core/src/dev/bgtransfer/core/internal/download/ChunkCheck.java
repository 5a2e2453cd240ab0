package dev.bgtransfer.core.internal.download;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.internal.http.TransferException;
import dev.bgtransfer.core.spi.TransferRecord.ChunkHash;

/**
 * Checks a partial file against its chunk hashes before a resume, in the one read from its start
 * that the whole file's SHA-256 needs anyway (before chunk hashes, the same read fed only that
 * digest): so a check costs about a microsecond a chunk beyond what a resume always cost. Every
 * chunk that proves good is kept, also those hashed after the last checkpoint; at the first chunk
 * whose hash does not match, the file is cut back to that chunk's start, and only the bytes from
 * there are fetched again. Bytes after the last hash (written after the last hash was stored) are
 * taken as the record allows, as before chunk hashes. The chains that the connections of a download
 * in slices keep from where each began ({@link #verifyRuns}) are read apart, each from its start.
 */
final class ChunkCheck {
    private static final int READ_BUFFER = 1024 * 1024;

    /**
     * What a check found.
     *
     * @param length       the bytes to keep: proven by their hashes, or trusted as before
     * @param digest       the SHA-256 of the first {@code length} bytes, to go on with
     * @param kept         the hashes that held, all ending at or before {@code length}
     * @param damagedChunk the end of the first chunk whose hash did not match, or -1 when none
     */
    record Result(long length, MessageDigest digest, List<ChunkHash> kept, long damagedChunk) {

        /** @return whether a chunk's bytes on disk were not those hashed when they were written */
        boolean damaged() {
            return damagedChunk >= 0;
        }
    }

    private ChunkCheck() {
    }

    /**
     * @param trusted how many bytes the record takes as durable without a hash (its checkpoint, or what
     *                a process wrote before it ended; see {@link CrashedWrites}); at most {@code onDisk}
     * @param onDisk  the partial file's length
     * @param hashes  the recorded hashes, or {@code null}
     */
    static Result verify(Path part, long trusted, long onDisk, List<ChunkHash> hashes) throws TransferException {
        List<ChunkHash> checkable = chain(hashes, 0, onDisk);
        long limit = checkable.isEmpty() ? trusted : Math.max(trusted, checkable.getLast().end());
        MessageDigest running = PartFile.newSha256();
        MessageDigest atLastGood = PartFile.newSha256();
        long lastGood = 0;
        List<ChunkHash> kept = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);
        long position = 0;
        int next = 0;
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            while (position < limit) {
                long until = next < checkable.size() ? checkable.get(next).end() : limit;
                buffer.clear().limit((int) Math.min(READ_BUFFER, until - position));
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new IOException(NLS.bind(Messages.partFileShort, position, limit));
                }
                running.update(buffer.array(), 0, read);
                position += read;
                if (next < checkable.size() && position == checkable.get(next).end()) {
                    ChunkHash expected = checkable.get(next++);
                    if (!expected.sha256().equals(ChunkLedger.truncatedSha256(running))) {
                        ILog.of(ChunkCheck.class).warn(NLS.bind(Messages.partFileDamaged,
                                new Object[] { part, lastGood, expected.end() }));
                        return new Result(lastGood, atLastGood, kept, expected.end());
                    }
                    kept.add(expected);
                    lastGood = position;
                    atLastGood = ChunkLedger.copyOf(running);
                }
            }
            return new Result(limit, running, kept, -1);
        } catch (IOException unreadable) {
            throw DiskFailures.disk(unreadable, part);
        }
    }

    /**
     * What a check of one chain of a download in slices found.
     *
     * @param start      where the chain's connection began to write
     * @param proven     the end of the last hash that held ({@code start} when none did)
     * @param damagedEnd the end of the first chunk whose hash did not match, or -1 when none
     * @param kept       the hashes that held
     */
    record Run(long start, long proven, long damagedEnd, List<ChunkHash> kept) {
    }

    /**
     * Checks the chains that connections of a download in slices began past the entity's start, each
     * read once from its start: bytes the SHA-256's read from the start does not reach before the
     * slices resume.
     */
    static List<Run> verifyRuns(Path part, long onDisk, List<ChunkHash> hashes) throws TransferException {
        List<Run> runs = new ArrayList<>();
        if (hashes == null) {
            return runs;
        }
        List<Long> starts = hashes.stream().map(ChunkHash::start).filter(start -> start > 0).distinct().sorted()
                .toList();
        ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            for (long start : starts) {
                runs.add(verifyRun(channel, part, start, chain(hashes, start, onDisk), buffer));
            }
            return runs;
        } catch (IOException unreadable) {
            throw DiskFailures.disk(unreadable, part);
        }
    }

    private static Run verifyRun(FileChannel channel, Path part, long start, List<ChunkHash> chain, ByteBuffer buffer)
            throws IOException {
        MessageDigest running = PartFile.newSha256();
        List<ChunkHash> kept = new ArrayList<>();
        long position = start;
        for (ChunkHash expected : chain) {
            while (position < expected.end()) {
                buffer.clear().limit((int) Math.min(READ_BUFFER, expected.end() - position));
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new IOException(NLS.bind(Messages.partFileShort, position, expected.end()));
                }
                running.update(buffer.array(), 0, read);
                position += read;
            }
            if (!expected.sha256().equals(ChunkLedger.truncatedSha256(running))) {
                long proven = kept.isEmpty() ? start : kept.getLast().end();
                ILog.of(ChunkCheck.class).warn(NLS.bind(Messages.partFileDamaged,
                        new Object[] { part, proven, expected.end() }));
                return new Run(start, proven, expected.end(), kept);
            }
            kept.add(expected);
        }
        return new Run(start, kept.isEmpty() ? start : kept.getLast().end(), -1, kept);
    }

    /** @return the hashes of {@code hashes} from {@code start} that end within the file, in the order of their ends */
    private static List<ChunkHash> chain(List<ChunkHash> hashes, long start, long onDisk) {
        if (hashes == null) {
            return new ArrayList<>();
        }
        return new ArrayList<>(hashes.stream().filter(hash -> hash.start() == start && hash.end() <= onDisk)
                .sorted(Comparator.comparingLong(ChunkHash::end)).toList());
    }
}
