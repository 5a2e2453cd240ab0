package dev.bgtransfer.ui.internal.dnd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a drop on the Downloads view reads as URLs, and the sentences for what it cannot. */
class DroppedUrlsTest {
    @TempDir
    Path folder;

    @Test
    void textGivesOneUrlALineSkippingBlanksCommentsAndRepeats() {
        DroppedUrls dropped = DroppedUrls.ofText("""
                https://example.org/a.iso

                # the mirror
                  https://example.org/b.iso\t
                https://example.org/a.iso
                ftp://example.org/c.iso
                """);

        assertEquals(List.of(URI.create("https://example.org/a.iso"), URI.create("https://example.org/b.iso")),
                dropped.urls());
        assertEquals(List.of("Line 6 of the dropped text: Only http and https URLs can be transferred, not ftp."),
                dropped.problems());
    }

    @Test
    void aLinkIsItsFirstLineTheTitleABrowserAddsIsNot() {
        DroppedUrls dropped = DroppedUrls.ofLink("https://example.org/release.tar.gz\nRelease 1.0");

        assertEquals(List.of(URI.create("https://example.org/release.tar.gz")), dropped.urls());
        assertEquals(List.of(), dropped.problems());
    }

    @Test
    void filesOfUrlsAreReadAndWhatIsNoListIsNamed() throws IOException {
        Path list = Files.writeString(folder.resolve("urls.txt"), "https://example.org/1\r\nhttps://example.org/2\r\n");
        Path empty = Files.writeString(folder.resolve("notes.txt"), "# nothing yet\n");
        Path binary = Files.write(folder.resolve("photo.jpg"), new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, 0 });
        Path large = Files.write(folder.resolve("big.txt"), new byte[(int) DroppedUrls.MAX_FILE_BYTES + 1]);
        Path directory = Files.createDirectory(folder.resolve("folder"));

        DroppedUrls dropped = DroppedUrls.ofFiles(new String[] { list.toString(), empty.toString(), binary.toString(),
                large.toString(), directory.toString() });

        assertEquals(List.of(URI.create("https://example.org/1"), URI.create("https://example.org/2")), dropped.urls());
        assertEquals(List.of("notes.txt holds no URL.", "photo.jpg is not text (a list of URLs has one a line).",
                "big.txt is larger than 1024 KiB: not a list of URLs.", "folder is not a file."), dropped.problems());
    }
}
