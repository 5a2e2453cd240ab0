package dev.bgtransfer.ui.internal.dialogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.TransferRequest;

/** What the Add Download dialog accepts, and what it says about what it does not. */
class DownloadInputTest {
    private static final Path FOLDER = Path.of("/tmp/downloads");
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|Enter the URL of the file to download.",
            "'   '|Enter the URL of the file to download.",
            "ftp://example.org/a|Only http and https URLs can be transferred, not ftp.",
            "file:///etc/passwd|Only http and https URLs can be transferred, not file.",
            "javascript:alert(1)|Only http and https URLs can be transferred, not javascript.",
            "example.org/a|The URL does not start with http:// or https://.",
            "http://exa mple.org/|The URL contains a space at position 11; write it as %20 if it belongs to the address.",
            "http://example.org/a%zz|This is not a valid URL: Malformed escape pair.",
            "https:///path|The URL has no host.",
            "https://user:secret@example.org/a|User names and passwords in the URL are not accepted (the URL's host: example.org)." })
    void aBadUrlSaysWhatIsWrong(String url, String problem) {
        DownloadInput input = DownloadInput.check(url, "", "", "", FOLDER);
        assertFalse(input.isValid());
        assertEquals(Optional.of(problem), input.problem());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "http://example.org/a\\nb|21", "http://example.org/a\\tb|21",
            "http://example.org/a\\0b|21" })
    void aControlCharacterInsideIsRefusedWhereItIs(String url, int position) {
        DownloadInput input = DownloadInput.check(url.translateEscapes(), "", "", "", FOLDER);
        assertEquals(Optional.of("The URL contains a control character (a line break, tab or similar) at position "
                + position + "."), input.problem());
    }

    @Test
    void anOverlongUrlIsRefused() {
        DownloadInput input = DownloadInput.check("http://example.org/" + "a".repeat(8000), "", "", "", FOLDER);
        assertEquals(Optional.of("The URL has 8019 characters; at most 8000 are accepted, as servers refuse longer request lines."),
                input.problem());
    }

    @Test
    void aBadChecksumSaysWhatIsWrong() {
        DownloadInput input = DownloadInput.check("https://example.org/a.bin", "", "12ab", "", FOLDER);
        assertEquals(Optional.of("A SHA-256 has 64 hexadecimal digits."), input.problem());
    }

    @Test
    void aGoodInputMakesTheRequest() {
        DownloadInput input = DownloadInput.check(" https://example.org/a.bin ", " A title ",
                SHA.toUpperCase().substring(0, 32) + " " + SHA.substring(32), "", FOLDER);
        assertTrue(input.isValid(), input.toString());
        TransferRequest request = input.request().orElseThrow();
        assertEquals("https://example.org/a.bin", request.url().toString());
        assertEquals("A title", request.title());
        assertEquals(Optional.of(SHA), request.expectedSha256());
        assertEquals(FOLDER, request.destinationFolder());
    }

    @Test
    void mirrorsOneALineMakeTheRequestsMirrorsBlankLinesLeftOut() {
        DownloadInput input = DownloadInput.check("https://example.org/a.bin", "", "",
                "https://mirror-1.example.net/a.bin\n\n  https://mirror-2.example.com/pub/a.bin  \n", FOLDER);
        assertEquals(List.of(URI.create("https://mirror-1.example.net/a.bin"),
                URI.create("https://mirror-2.example.com/pub/a.bin")), input.request().orElseThrow().mirrors());
    }

    @Test
    void aBadMirrorIsNamedByItsLine() {
        DownloadInput input = DownloadInput.check("https://example.org/a.bin", "", "",
                "https://mirror.example.net/a.bin\nftp://old.example.net/a.bin", FOLDER);
        assertEquals(Optional.of("Mirror on line 2: Only http and https URLs can be transferred, not ftp."),
                input.problem());
    }
}
