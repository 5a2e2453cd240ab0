package dev.bgtransfer.core.internal.download;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
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
 * taken as the record allows, as before chunk hashes.
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
        List<ChunkHash> checkable = new ArrayList<>();
        if (hashes != null) {
            for (ChunkHash hash : hashes) {
                if (hash.end() <= onDisk) {
                    checkable.add(hash);
                }
            }
        }
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
}
