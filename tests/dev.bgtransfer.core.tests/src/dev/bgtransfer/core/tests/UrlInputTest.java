package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;

/**
 * URLs as people type or paste them: every bad one is refused with a sentence before anything is
 * stored, sent or written; surrounding white space is dropped.
 */
class UrlInputTest extends ServiceTest {

    static Stream<Arguments> badUrls() {
        return Stream.of(
                Arguments.of("/files/a\nb.bin", "The URL contains a control character (a line break, tab or similar) at position "),
                Arguments.of("/files/a\tb.bin", "The URL contains a control character (a line break, tab or similar) at position "),
                Arguments.of("/files/a\u0000b.bin", "The URL contains a control character (a line break, tab or similar) at position "),
                Arguments.of("/files/a\rb.bin", "The URL contains a control character"),
                Arguments.of("/files/a b.bin", "The URL contains a space at position "),
                Arguments.of("/files/a\u00a0b.bin", "The URL contains a space at position "),
                Arguments.of("ftp://127.0.0.1/files/a.bin", "Only http and https URLs can be transferred, not ftp."),
                Arguments.of("file:///etc/passwd", "Only http and https URLs can be transferred, not file."),
                Arguments.of("javascript:alert(1)", "Only http and https URLs can be transferred, not javascript."),
                Arguments.of("127.0.0.1/files/a.bin", "The URL does not start with http:// or https://."),
                Arguments.of("http:///files/a.bin", "The URL has no host."),
                Arguments.of("/files/" + "a".repeat(TransferRequest.MAX_URL_LENGTH), "characters; at most 8000 are accepted"),
                Arguments.of("/files/%zz.bin", "This is not a valid URL: "));
    }

    @ParameterizedTest
    @MethodSource("badUrls")
    void aBadUrlIsRefusedWithASentenceAndNothingStartsOrIsWritten(String input, String sentence) throws IOException {
        String typed = input.startsWith("/") ? "http://127.0.0.1:" + server.port() + input : input;

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> fixture.service().download(TransferRequest.of(TransferRequest.parseUrl(typed), folder)));

        assertTrue(refused.getMessage().startsWith(sentence) || refused.getMessage().contains(sentence),
                refused.getMessage());
        assertTrue(refused.getMessage().endsWith("."), "a whole sentence: " + refused.getMessage());
        assertTrue(refused.getMessage().length() < 200, "the URL is not echoed at length: " + refused.getMessage());
        assertEquals(List.of(), fixture.service().transfers());
        assertEquals(List.of(), server.requests());
        try (Stream<?> written = Files.list(folder)) {
            assertEquals(0, written.count());
        }
    }

    @Test
    void theControlCharacterIsLocatedForThePerson() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TransferRequest.parseUrl("http://h/a\nb"));
        assertTrue(refused.getMessage().endsWith("at position 11."), refused.getMessage());
    }

    @Test
    void aUrlObjectIsCheckedTooCredentialsAndLengthIncluded() {
        URI tooLong = URI.create("http://127.0.0.1/" + "a".repeat(TransferRequest.MAX_URL_LENGTH));
        assertThrows(IllegalArgumentException.class, () -> TransferRequest.of(tooLong, folder));
        IllegalArgumentException credentials = assertThrows(IllegalArgumentException.class,
                () -> TransferRequest.parseUrl("http://user:secret@127.0.0.1/a.bin"));
        assertFalse(credentials.getMessage().contains("secret"), credentials.getMessage());
        assertEquals(List.of(), fixture.service().transfers());
    }

    @Test
    void whiteSpaceAroundAPastedUrlIsDroppedAndTheDownloadCompletes() throws Exception {
        TestFile file = server.addFile("/files/pasted.bin", 40_000, 61);
        String pasted = " \t" + server.uri(file.path()) + "\r\n";

        Transfer started = fixture.service().download(TransferRequest.of(TransferRequest.parseUrl(pasted), folder));

        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(server.uri(file.path()), done.url());
    }
}
