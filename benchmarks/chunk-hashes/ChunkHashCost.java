package dev.bgtransfer.core.internal.download;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import dev.bgtransfer.core.spi.TransferRecord.ChunkHash;

/**
 * What chunk hashes cost (issue 17), on the core's own classes: the SHA-256 of a download with and
 * without the hashes taken from it, a second SHA-256 per chunk for comparison, and on a resume the
 * read from the file's start with and without the check. Figures, not verdicts.
 */
public final class ChunkHashCost {
    private static final int BUFFER = 512 * 1024;

    public static void main(String[] arguments) throws Exception {
        long size = Long.parseLong(arguments[0]) * 1024 * 1024;
        Path file = Path.of(arguments[1]);
        int runs = Integer.parseInt(arguments[2]);
        byte[] bytes = new byte[BUFFER];
        new Random(17).nextBytes(bytes);
        long chunk = ChunkLedger.chunkSize(size);
        System.out.printf("entity %d MiB, chunks of %d MiB, %d runs each (median; first run a warm-up)%n",
                size >> 20, chunk >> 20, runs);

        report("SHA-256 of the download alone (before)", runs, () -> hashAlone(bytes, size));
        report("SHA-256 with the chunk hashes taken from it", runs, () -> hashWithLedger(bytes, size, chunk));
        report("SHA-256 plus a SHA-256 of each chunk apart (not built)", runs, () -> hashTwice(bytes, size, chunk));

        List<ChunkHash> hashes = writeFile(file, bytes, size, chunk);
        System.out.printf("%d chunk hashes; as stored: %d characters%n", hashes.size(),
                hashes.stream().mapToInt(hash -> String.valueOf(hash.end()).length() + 2 + hash.sha256().length())
                        .sum());
        report("resume: the read from the start, SHA-256 only (before)", runs,
                () -> PartFile.sha256Of(file, size).length);
        report("resume: the same read, every chunk hash checked", runs, () -> {
            ChunkCheck.Result result = ChunkCheck.verify(file, size, size, hashes);
            if (result.damaged() || result.length() != size) {
                throw new IllegalStateException("a good file found damaged");
            }
            return result.kept().size();
        });
        report("a final check before the name (not built): the file read and hashed again", runs,
                () -> PartFile.sha256Of(file, size).length);
        Files.deleteIfExists(file);
    }

    private interface Run {
        long run() throws Exception;
    }

    private static void report(String what, int runs, Run run) throws Exception {
        run.run();
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        System.out.printf("%-75s %7.3f s  (%.3f-%.3f)%n", what, seconds[runs / 2], seconds[0], seconds[runs - 1]);
    }

    private static long hashAlone(byte[] bytes, long size) {
        MessageDigest digest = PartFile.newSha256();
        for (long at = 0; at < size; at += bytes.length) {
            digest.update(bytes);
        }
        return digest.digest().length;
    }

    /** As the copy's hashing thread does it: a boundary's hash, and one where a checkpoint came every 8 MiB. */
    private static long hashWithLedger(byte[] bytes, long size, long chunk) {
        MessageDigest digest = PartFile.newSha256();
        ChunkLedger ledger = new ChunkLedger(chunk, List.of(), 0);
        long position = 0;
        long nextCheckpoint = 8L * 1024 * 1024 + 12_345;
        while (position < size) {
            int from = 0;
            while (from < bytes.length) {
                long boundary = ledger.nextBoundary(position);
                int part = (int) Math.min(bytes.length - from, boundary - position);
                digest.update(bytes, from, part);
                from += part;
                position += part;
                if (position == boundary) {
                    ledger.take(position, digest);
                }
            }
            if (position >= nextCheckpoint) {
                ledger.take(position, digest);
                nextCheckpoint += 8L * 1024 * 1024;
            }
            ledger.hashedTo(position);
        }
        return ledger.snapshot().size();
    }

    private static long hashTwice(byte[] bytes, long size, long chunk) {
        MessageDigest whole = PartFile.newSha256();
        MessageDigest each = PartFile.newSha256();
        for (long at = 0; at < size; at += bytes.length) {
            whole.update(bytes);
            each.update(bytes);
            if ((at + bytes.length) % chunk == 0) {
                each.digest();
            }
        }
        return whole.digest().length;
    }

    private static List<ChunkHash> writeFile(Path file, byte[] bytes, long size, long chunk) throws Exception {
        MessageDigest digest = PartFile.newSha256();
        ChunkLedger ledger = new ChunkLedger(chunk, List.of(), 0);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long at = 0; at < size; at += bytes.length) {
                channel.write(ByteBuffer.wrap(bytes));
                digest.update(bytes);
                if ((at + bytes.length) % chunk == 0) {
                    ledger.take(at + bytes.length, digest);
                }
            }
        }
        return ledger.snapshot();
    }
}
