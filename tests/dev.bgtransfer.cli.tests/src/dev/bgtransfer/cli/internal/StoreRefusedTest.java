package dev.bgtransfer.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The service refuses a new transfer it cannot store (its state folder's disk is full) with an
 * {@link UncheckedIOException} and a sentence: the command prints that sentence and exits 1, never
 * "an internal error". (The refusal itself is tested with a real full disk in the persistence tests.)
 */
class StoreRefusedTest {

    @Test
    void aTransferTheStoreRefusesIsOneSentenceAndExit1() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String sentence = "Could not save transfer 7: the disk of the state folder /st is full. Free some space on it.";

        int status = CliApplication.reporting(new PrintStream(err, true, StandardCharsets.UTF_8), () -> {
            throw new UncheckedIOException(new IOException(sentence));
        });

        assertEquals(1, status);
        assertEquals("bgtransfer: " + sentence + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
    }
}
