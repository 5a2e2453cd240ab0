package dev.bgtransfer.samples.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The seeded bytes: a function of seed and position alone, pinned to SplitMix64. */
class SeededContentTest {

    @Test
    void seedZeroStartsWithSplitMix64sFirstTwoOutputsLittleEndian() {
        // SplitMix64 seeded with 0 gives 0xE220A8397B1DCDAF, then 0x6E789E6AA1B965F4
        assertArrayEquals(HexFormat.of().parseHex("afcd1d7b39a820e2f465b9a16a9e786e"), bytes(0, 0, 16));
    }

    @Test
    void anySliceIsTheSameSliceOfTheWhole() {
        byte[] whole = bytes(42, 0, 1024);
        for (int from : new int[] { 0, 1, 7, 8, 9, 15, 500, 993 }) {
            for (int length : new int[] { 0, 1, 3, 7, 8, 17 }) {
                assertArrayEquals(Arrays.copyOfRange(whole, from, from + length), bytes(42, from, length),
                        from + "+" + length);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
        assertArrayEquals(bytes(7, 123, 256), bytes(7, 123, 256));
        assertFalse(Arrays.equals(bytes(7, 123, 256), bytes(8, 123, 256)));
    }

    @Test
    void fillWritesOnlyItsPartOfTheTarget() {
        byte[] target = new byte[20];
        SeededContent.fill(42, 3, target, 5, 10);
        assertArrayEquals(new byte[5], Arrays.copyOfRange(target, 0, 5));
        assertArrayEquals(bytes(42, 3, 10), Arrays.copyOfRange(target, 5, 15));
        assertArrayEquals(new byte[5], Arrays.copyOfRange(target, 15, 20));
    }

    @Test
    void sha256IsTheDigestOfTheBytesStreamedInAnySize() throws Exception {
        for (int size : new int[] { 0, 1, 65_535, 65_536, 200_001 }) {
            byte[] content = bytes(5, 0, size);
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)),
                    SeededContent.sha256(5, size), "size " + size);
        }
    }

    @Test
    void theEtagIsStrongAndNamesSeedAndSize() {
        assertEquals("\"000000005eed0001-aae60\"", SeededContent.etag(0x5EED0001L, 700_000));
        assertNotEquals(SeededContent.etag(1, 100), SeededContent.etag(2, 100));
        assertNotEquals(SeededContent.etag(1, 100), SeededContent.etag(1, 101));
    }

    private static byte[] bytes(long seed, long position, int length) {
        byte[] result = new byte[length];
        SeededContent.fill(seed, position, result, 0, length);
        return result;
    }
}
