package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.list;
import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;

/**
 * A download whose requester chose the file's name ({@link TransferRequest#withFileName(String)}): the
 * file gets it instead of the server's, keeps it across a pause, and never overwrites a file there.
 */
class ChosenNameTest extends ServiceTest {

    @Test
    void theChosenNameWinsOverTheServersAndSurvivesAPause() throws Exception {
        TestFile file = server.addFile("/files/x.bin", 2_000_000, 61)
                .contentDisposition("attachment; filename=\"server-says.bin\"").throttle(1_000_000);
        Transfer started = fixture.service()
                .download(TransferRequest.of(server.uri(file.path()), folder).withFileName("report (final).pdf"));
        fixture.awaitBytes(started.id(), 100_000);
        assertEquals(List.of("report (final).pdf.part"), list(folder), "the partial file is named after it too");
        fixture.service().pause(started.id());
        fixture.awaitState(started.id(), TransferState.PAUSED);
        file.throttle(0);

        fixture.service().start(started.id());
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);

        assertEquals(folder.resolve("report (final).pdf"), done.file().orElseThrow());
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertTrue(server.requests(file.path()).getLast().rangeStart().isPresent(), "resumed ranged");
    }

    @Test
    void aFileOfThatNameIsNeverOverwritten() throws Exception {
        Files.writeString(folder.resolve("notes.txt"), "mine");
        TestFile file = server.addFile("/files/y.bin", 3_000, 62);

        Transfer done = fixture.awaitState(fixture.service()
                .download(TransferRequest.of(server.uri(file.path()), folder).withFileName("notes.txt")).id(),
                TransferState.COMPLETED);

        assertEquals(folder.resolve("notes (1).txt"), done.file().orElseThrow());
        assertEquals("mine", Files.readString(folder.resolve("notes.txt")));
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "a/b", "..", ".hidden", "name.", "x\\y", "tab\there", "a:b", "what?",
            "con.txt", "file.part" })
    void aNameThatIsNoPlainNameIsRefusedWithASentence(String name) {
        TransferRequest request = TransferRequest.of(URI.create("http://example.org/f"), Path.of("/tmp"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> request.withFileName(name));

        assertTrue(refused.getMessage().startsWith("\"" + name + "\" cannot be the name of a file here: a name has no /"),
                refused.getMessage());
    }

    @Test
    void aNameOfAtMost200BytesIsTaken() {
        String name = "é".repeat(100) + ".bin"; // 204 bytes in UTF-8
        assertThrows(IllegalArgumentException.class, () -> TransferRequest.of(URI.create("http://example.org/f"),
                Path.of("/tmp")).withFileName(name));
        String shorter = "é".repeat(90) + ".bin"; // 184
        assertEquals(shorter, TransferRequest.of(URI.create("http://example.org/f"), Path.of("/tmp"))
                .withFileName(shorter).fileName().orElseThrow());
    }
}
