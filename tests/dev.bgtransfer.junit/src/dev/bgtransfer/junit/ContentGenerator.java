package dev.bgtransfer.junit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic pseudo-random content with random access: the byte at any offset depends only on
 * the seed and the offset, so bodies and ranges can be produced on the fly without ever holding a
 * whole file in memory.
 */
final class ContentGenerator {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final int DIGEST_BUFFER_SIZE = 64 * 1024;

    private ContentGenerator() {
    }

    /** One 64-bit word of content (SplitMix64 finaliser applied to a seed-dependent counter). */
    private static long word(long seed, long index) {
        long z = seed + (index + 1) * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Writes the content bytes {@code [offset, offset + length)} into {@code target}.
     */
    static void fill(long seed, long offset, byte[] target, int targetOffset, int length) {
        long position = offset;
        int index = targetOffset;
        final int end = targetOffset + length;
        while (index < end) {
            final int shift = (int) (position & 7);
            final int count = Math.min(8 - shift, end - index);
            long value = word(seed, position >>> 3) >>> (shift * 8);
            for (int i = 0; i < count; i++) {
                target[index++] = (byte) value;
                value >>>= 8;
            }
            position += count;
        }
    }

    /** Materialises the full content; only sensible for small sizes. */
    static byte[] bytes(long seed, long size) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("Content too large to materialise: " + size + " bytes");
        }
        final byte[] result = new byte[(int) size];
        fill(seed, 0, result, 0, result.length);
        return result;
    }

    /** SHA-256 of the full content as lowercase hex, computed by streaming in fixed-size chunks. */
    static String sha256(long seed, long size) {
        final MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 not available", e);
        }
        final byte[] buffer = new byte[(int) Math.min(DIGEST_BUFFER_SIZE, Math.max(size, 1))];
        long position = 0;
        while (position < size) {
            final int count = (int) Math.min(buffer.length, size - position);
            fill(seed, position, buffer, 0, count);
            digest.update(buffer, 0, count);
            position += count;
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
