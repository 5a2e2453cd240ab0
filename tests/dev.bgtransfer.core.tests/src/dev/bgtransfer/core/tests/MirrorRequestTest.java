package dev.bgtransfer.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.junit.ServiceTest;

/** What {@link TransferRequest#withMirrors} takes, and that a transfer keeps its mirrors. */
class MirrorRequestTest extends ServiceTest {
    private static final URI URL = URI.create("https://example.org/a.iso");
    private static final Path FOLDER = Path.of("/tmp/mirrors");

    @Test
    void aMirrorGivenTwiceOrTheUrlItselfCountsOnce() {
        URI first = URI.create("https://mirror-1.example.net/a.iso");
        URI second = URI.create("http://mirror-2.example.com/pub/a.iso");
        TransferRequest request = TransferRequest.of(URL, FOLDER).withMirrors(List.of(first, URL, second, first));
        assertEquals(List.of(first, second), request.mirrors());
        assertEquals(List.of(), TransferRequest.of(URL, FOLDER).mirrors());
        assertEquals(List.of(first, second), request.withTitle("A").withFileName("b.iso").mirrors(), "kept by copies");
    }

    @Test
    void aMirrorNoRequestMayHaveIsRefusedWithASentence() {
        assertEquals("The mirror ftp://mirror.example.net/a.iso cannot be used: Only http and https URLs can be "
                + "transferred, not ftp.", assertThrows(IllegalArgumentException.class, () -> TransferRequest.of(URL,
                        FOLDER).withMirrors(List.of(URI.create("ftp://mirror.example.net/a.iso")))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> TransferRequest.of(URL, FOLDER)
                .withMirrors(List.of(URI.create("https://user:secret@mirror.example.net/a.iso"))));
        List<URI> many = IntStream.rangeClosed(1, 17)
                .mapToObj(i -> URI.create("https://mirror-" + i + ".example.net/a.iso")).toList();
        assertEquals("17 mirrors were given; at most 16 are taken.", assertThrows(IllegalArgumentException.class,
                () -> TransferRequest.of(URL, FOLDER).withMirrors(many)).getMessage());
    }

    @Test
    void aTransferShowsItsMirrorsFromTheStart() {
        URI mirror = server.uri("/mirror/later.bin");
        Transfer added = fixture.service().add(TransferRequest.of(server.uri("/files/later.bin"), folder)
                .withMirrors(List.of(mirror)));
        assertEquals(List.of(mirror), added.mirrors());
        assertEquals(List.of(mirror), fixture.service().get(added.id()).orElseThrow().mirrors());
    }
}
