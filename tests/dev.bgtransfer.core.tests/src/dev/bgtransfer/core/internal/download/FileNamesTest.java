package dev.bgtransfer.core.internal.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The name rules on their own: sanitizing, what a Content-Disposition or a URL yields, Unicode,
 * lengths in bytes, the Windows rules, and reserving a name without replacing anything.
 */
class FileNamesTest {
    private static final URI NO_NAME = URI.create("http://h/");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "attachment; filename*=iso-8859-1'en'%A3%20rates.txt|\u00a3 rates.txt",
            "attachment; filename*=''a%20b.txt|a b.txt",
            "attachment; filename*=UTF-8''a+b%2Bc.txt|a+b+c.txt",
            "attachment; filename=\"plain.txt\"; filename*=UTF-8''%E2%9C%93.txt|\u2713.txt",
            "attachment; filename*=x-no-such-charset''abc.txt; filename=\"fallback.txt\"|fallback.txt",
            "attachment; filename*=@@''abc.txt; filename=fallback.txt|fallback.txt",
            "attachment; filename*=UTF-8''%ZZ.txt; filename=fallback.txt|fallback.txt",
            "attachment; filename=\"say \\\"hi\\\" \\\\.txt\"|say \"hi\" \\.txt",
            "ATTACHMENT; FILENAME=\"upper.txt\"|upper.txt",
            "attachment;filename=tight.txt;size=3|tight.txt",
            "filename=first.txt|first.txt" })
    void contentDisposition(String header, String raw) {
        assertEquals(Optional.of(raw), FileNames.fromContentDisposition(header));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "  ", "inline", "attachment; myfilename=evil.exe", "attachment; filename=",
            "attachment; filename*=UTF-8''%ZZ" })
    void contentDispositionWithoutAName(String header) {
        assertEquals(Optional.empty(), FileNames.fromContentDisposition(header));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "attachment; filename=\"say \\\"hi\\\".txt\"|http://h/x|say _hi_.txt",
            "attachment; filename=\"..\"|http://h/real.bin|real.bin",
            "attachment; filename=\"/\"|http://h/|download",
            "attachment; filename=\"../../.ssh/authorized_keys\"|http://h/x|authorized_keys",
            "|http://h/dir/..%2F..%2Fetc%2Fpasswd|passwd",
            "|http://h/a+b.zip?token=1#frag|a+b.zip",
            "|http://h/%E6%97%A5%E6%9C%AC.txt|\u65e5\u672c.txt",
            "|http://h/%2E%2E|download",
            "|http://h|download",
            "|mailto:someone@example.org|download" })
    void choose(String header, String url, String expected) {
        assertEquals(expected, FileNames.choose(header, URI.create(url)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "\u00dcn\u00efc\u00f6d\u00e9 \u65e5\u672c\u8a9e.txt|\u00dcn\u00efc\u00f6d\u00e9 \u65e5\u672c\u8a9e.txt",
            "\ud83d\ude00.png|\ud83d\ude00.png", "a\u2028b\u2029c.txt|a_b_c.txt", "a\u007fb\u0001c\td.txt|a_b_c_d.txt",
            "zero\u200bwidth.txt|zero_width.txt", "COM1.tar.gz|_COM1.tar.gz", "aux|_aux", "' con '|_con", ".con|_con",
            "Lpt9.log|_Lpt9.log", "lpt10|lpt10", "com0|com0", "console.log|console.log", "name.|name",
            "a..b.txt|a..b.txt", "x.PART|x.PART_", "partial|partial", "_._|download", "___|download",
            "'   '|download", "dir/|download", "__init__.py|__init__.py" })
    void sanitize(String suggested, String expected) {
        assertEquals(expected, FileNames.sanitize(suggested));
    }

    @ParameterizedTest
    @CsvSource({ "200,200", "201,200", "1000,200" })
    void asciiNamesAreCutAtTwoHundredBytes(int length, int expected) {
        assertEquals("a".repeat(expected), FileNames.sanitize("a".repeat(length)));
    }

    @Test
    void aLongExtensionIsNotKeptWhole() {
        String extension = "." + "e".repeat(20);
        String name = FileNames.sanitize("s".repeat(250) + extension);
        assertEquals("s".repeat(200), name);
    }

    @Test
    void namesAreCutOnWholeCharacters() {
        String emoji = FileNames.sanitize("\ud83d\ude00".repeat(100) + ".png");
        assertEquals("\ud83d\ude00".repeat(49) + ".png", emoji);
        assertEquals("x" + "\ud83d\ude00".repeat(49), FileNames.sanitize("x" + "\ud83d\ude00".repeat(100)),
                "one byte left over, not half a character");

        String cjk = FileNames.sanitize("\u65e5".repeat(100));
        assertEquals("\u65e5".repeat(66), cjk);
        assertEquals(198, cjk.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void insideRefusesWhatLeavesTheFolder(@TempDir Path folder) throws IOException {
        assertEquals(folder.toAbsolutePath().resolve("ok.txt"), FileNames.inside(folder, "ok.txt"));
        for (String escape : new String[] { "..", ".", "a/b", "../x", "" }) {
            assertThrows(IOException.class, () -> FileNames.inside(folder, escape), escape);
        }
    }

    @Test
    void firstFreeCreatesNothingAndTakesADanglingLinkForTaken(@TempDir Path folder) throws IOException {
        Files.createSymbolicLink(folder.resolve("x.tar.gz.part"), folder.resolve("nowhere"));
        Files.createFile(folder.resolve("x.tar (1).gz.part"));
        Files.createFile(folder.resolve("README"));

        assertEquals(folder.resolve("x.tar (2).gz.part"), FileNames.firstFree(folder, "x.tar.gz", ".part"));
        assertEquals(folder.resolve("README (1)"), FileNames.firstFree(folder, "README", ""));
        assertTrue(Files.notExists(folder.resolve("x.tar (2).gz.part")));
        assertEquals(folder.resolve("x.tar.gz"), FileNames.firstFree(folder, "x.tar.gz", ""));
    }


    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "report.pdf|report.pdf", "../../etc/passwd|passwd", "..|download",
            "...|download", "/|download", "C:\\Windows\\evil.dll|evil.dll", "CON|_CON", "nul.txt|_nul.txt",
            "' spaced .txt '|spaced .txt", "a:b*c?.txt|a_b_c_.txt", "movie.mp4.part|movie.mp4.part_",
            ".bashrc|bashrc" })
    void sanitizeKeepsASafeLeafName(String suggested, String expected) {
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
