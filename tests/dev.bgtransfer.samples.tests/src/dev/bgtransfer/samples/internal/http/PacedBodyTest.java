package dev.bgtransfer.samples.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The paced body: the seeded bytes of its range, at the rate asked for. */
class PacedBodyTest {

    @Test
    void writesTheSeededBytesOfItsRangeAndSaysItsLength() throws IOException {
        PacedBody body = new PacedBody(9, 70_000, 100_000, () -> 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        byte[] expected = new byte[100_000];
        SeededContent.fill(9, 70_000, expected, 0, expected.length);
        assertArrayEquals(expected, out.toByteArray());
        assertEquals(100_000, body.getContentLength());
        assertArrayEquals(expected, body.getContent().readAllBytes());
    }

    @Test
    void keepsToTheRate() throws IOException {
        long start = System.nanoTime();
        new PacedBody(9, 0, 40_000, () -> 100_000).writeTo(OutputStream.nullOutputStream());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds > 0.3 && seconds < 2, "40 KB at 100 KB/s took " + seconds + " s");
    }

    @Test
    void aRateChangeAppliesWhileWaitingForTheNextSlice() throws IOException {
        long start = System.nanoTime();
        long change = start + TimeUnit.MILLISECONDS.toNanos(100);
        // at 100 B/s the second slice of 256 bytes is due after 2.56 s; from 0.1 s on the rate is unlimited
        new PacedBody(9, 0, 100_000, () -> System.nanoTime() < change ? 100 : 0)
                .writeTo(OutputStream.nullOutputStream());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 1, "unlimited after 0.1 s, yet took " + seconds + " s");
    }
}
