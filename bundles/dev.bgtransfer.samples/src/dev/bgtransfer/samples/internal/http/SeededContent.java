package dev.bgtransfer.samples.internal.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bytes of a served file: pseudo-random, defined by a seed and a position alone, so any range is
 * produced on the fly and no file is ever held in memory. Each 8-byte word is a SplitMix64 mix of
 * the seed and the word's index. These bytes must never change: stored resume data and the sample
 * files' published SHA-256 depend on them.
 */
public final class SeededContent {
    private static final long INCREMENT = 0x9E3779B97F4A7C15L;
    private static final int DIGEST_BUFFER_SIZE = 64 * 1024;

    private SeededContent() {
    }

    /** Writes the bytes {@code [position, position + length)} of content {@code seed} into {@code target}. */
    public static void fill(long seed, long position, byte[] target, int offset, int length) {
        long at = position;
        int index = offset;
        int end = offset + length;
        while (index < end) {
            int skip = (int) (at & 7);
            int count = Math.min(8 - skip, end - index);
            long word = mix(seed + ((at >>> 3) + 1) * INCREMENT) >>> (skip * 8);
            for (int i = 0; i < count; i++) {
                target[index++] = (byte) word;
                word >>>= 8;
            }
            at += count;
        }
    }

    /** @return the SHA-256 of the first {@code size} bytes of content {@code seed}, lower-case hex, computed by streaming */
    public static String sha256(long seed, long size) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 not available", e);
        }
        byte[] buffer = new byte[(int) Math.min(DIGEST_BUFFER_SIZE, Math.max(size, 1))];
        for (long position = 0; position < size;) {
            int count = (int) Math.min(buffer.length, size - position);
            fill(seed, position, buffer, 0, count);
            digest.update(buffer, 0, count);
            position += count;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** @return a strong validator, quotes included, that changes whenever the bytes would */
    public static String etag(long seed, long size) {
        return '"' + HexFormat.of().toHexDigits(seed) + '-' + Long.toHexString(size) + '"';
    }

    private static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
