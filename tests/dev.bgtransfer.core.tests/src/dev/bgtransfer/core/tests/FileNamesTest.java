package dev.bgtransfer.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.bgtransfer.core.internal.download.FileNames;

/** The name rules on their own. */
class FileNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "report.pdf|report.pdf", "../../etc/passwd|passwd", "..|download",
            "...|download", "/|download", "C:\\Windows\\evil.dll|evil.dll", "CON|_CON", "nul.txt|_nul.txt",
            "' spaced .txt '|spaced .txt", "a:b*c?.txt|a_b_c_.txt", "movie.mp4.part|movie.mp4.part_",
            ".bashrc|bashrc" })
    void sanitize(String suggested, String expected) {
        assertEquals(expected, FileNames.sanitize(suggested));
    }

    @Test
    void controlAndBidiCharactersAreReplaced() {
        String name = FileNames.sanitize("invoice\u202Efdp.exe\u0007\u2066");
        assertFalse(name.chars().anyMatch(c -> Character.getType(c) == Character.FORMAT || Character.isISOControl(c)),
                name);
    }

    @Test
    void overlongNamesAreShortenedKeepingTheExtension() {
        String name = FileNames.sanitize("é".repeat(300) + ".tar.gz");
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 200, name);
        assertTrue(name.endsWith(".gz"), name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "attachment; filename=\"a b.txt\"|http://h/x|a b.txt",
            "attachment; filename*=UTF-8''%E2%82%AC%20rates.txt; filename=\"EUR rates.txt\"|http://h/x|€ rates.txt",
            "attachment; filename=plain.zip|http://h/x|plain.zip", "inline|http://h/dir/name%20here.iso|name here.iso",
            "|http://h/|download", "|http://h/dir/|download" })
    void chooseUsesContentDispositionThenTheUrl(String header, String url, String expected) {
        assertEquals(expected, FileNames.choose(header, URI.create(url)));
    }

    @Test
    void reserveNeverReplacesAnExistingFileOrLink(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("data.bin"), "first");
        Path target = Files.createDirectories(folder.resolve("elsewhere")).resolve("victim");
        Files.createSymbolicLink(folder.resolve("data (1).bin"), target);

        Path reserved = FileNames.reserve(folder, "data.bin", "");

        assertEquals(folder.resolve("data (2).bin"), reserved);
        assertEquals("first", Files.readString(folder.resolve("data.bin")));
        assertFalse(Files.exists(target), "the planted link was not followed");
    }

    @ParameterizedTest
    @ValueSource(strings = { "a.part", "b" })
    void reserveWithASuffix(String name, @TempDir Path folder) throws Exception {
        Path reserved = FileNames.reserve(folder, name, ".part");
        assertEquals(name + ".part", reserved.getFileName().toString());
    }
}
