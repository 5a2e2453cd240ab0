package dev.bgtransfer.samples.internal;

/**
 * The bytes of a demo file: pseudo-random, defined by a seed and a position alone, so any range is
 * produced on the fly and no file is ever held in memory. Each 8-byte word is a SplitMix64 mix of
 * the seed and the word's index.
 */
public final class SampleContent {
    private static final long INCREMENT = 0x9E3779B97F4A7C15L;

    private SampleContent() {
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

    private static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
