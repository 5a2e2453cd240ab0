package dev.bgtransfer.core.internal.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * Sixty names a hostile server or URL may suggest, each turned into a file: every one lands
 * directly in the folder, and nothing is written anywhere else.
 */
class HostileNameCorpusTest {
    static final List<String> CORPUS = List.of("../../etc/passwd", "..\\..\\windows\\system32\\drivers\\etc\\hosts",
            "/etc/shadow", "\\\\server\\share\\x", "C:\\autoexec.bat", "C:relative.txt", "..", ".", "...", "....",
            "./.", "../", "..\\", "/", "\\", "", " ", "   ..   ", "a/../../b", "a\\..\\..\\b", "%2e%2e%2fx",
            "..%2F..%2Fescape", "file\u0000name.txt", "line\nbreak.txt", "carriage\rreturn", "tab\tname",
            "bell\u0007.txt", "del\u007F.txt", "evil\u202Etxt.exe", "iso\u2066late\u2069.pdf", "zero\u200Bwidth",
            "bom\uFEFF.txt", "CON", "con.txt", "PRN.log", "AUX", "NUL.tar.gz", "COM1", "lpt9.txt", "name.",
            "name ", " leading", ".hidden", "..hidden", "a:b", "a*b?c", "quote\"d", "<tag>", "pipe|x",
            "x".repeat(400), "é".repeat(300) + ".bin", "\uD83D\uDE00".repeat(120) + ".zip", "movie.mp4.part",
            "x.PART", "~", "~/.ssh/authorized_keys", "$HOME", "%APPDATA%\\x", "\u2215etc\u2215passwd",
            "\uFF0E\uFF0E\uFF0Fx", "a\u2028b");

    @TempDir
    Path sandbox;

    @Test
    void theCorpusIsLargeEnough() {
        assertTrue(CORPUS.size() >= 50, "at least 50 names: " + CORPUS.size());
    }

    @Test
    void everyNameBecomesAFileDirectlyInTheFolder() throws Exception {
        Path folder = Files.createDirectories(sandbox.resolve("inner").resolve("downloads"));
        for (String hostile : CORPUS) {
            String safe = FileNames.sanitize(hostile);
            assertFalse(safe.isEmpty() || safe.equals(".") || safe.equals(".."), hostile + " -> " + safe);
            assertFalse(safe.contains("/") || safe.contains("\\"), hostile + " -> " + safe);
            assertFalse(safe.codePoints().anyMatch(c -> Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT), hostile + " -> " + safe);
            assertTrue(safe.getBytes(StandardCharsets.UTF_8).length <= 200, hostile + " -> " + safe);
            assertFalse(safe.toLowerCase().endsWith(".part"), hostile + " -> " + safe);

            Path created = FileNames.reserve(folder, safe, "");
            assertEquals(folder, created.getParent(), hostile + " -> " + created);
            String fromUrl = FileNames.choose(null, URI.create("http://h/files/"
                    + java.net.URLEncoder.encode(hostile, StandardCharsets.UTF_8).replace("+", "%20")));
            assertEquals(folder, FileNames.reserve(folder, fromUrl, "").getParent(), hostile + " -> " + fromUrl);
        }
        try (Stream<Path> everything = Files.walk(sandbox)) {
            List<Path> outside = everything.filter(Files::isRegularFile)
                    .filter(file -> !file.getParent().equals(folder)).toList();
            assertEquals(List.of(), outside, "nothing written outside the folder");
        }
        try (Stream<Path> inFolder = Files.list(folder)) {
            assertEquals(2 * CORPUS.size(), inFolder.count(), "one new file per name, none overwritten");
        }
    }
}
