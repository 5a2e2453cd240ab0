package dev.bgtransfer.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.cli.internal.InProcessCli.Result;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.junit.TestFile;

/** {@code get --mirror URL} and mirrors on an input file's line, separated by tabs as aria2 reads them. */
class MirrorOptionTest extends CommandLineTest {

    @Test
    void aMirrorTakesOverWhenTheUrlFailsAndListShowsIt() {
        server.addStatus("/down/m.bin", 503);
        TestFile file = server.addFile("/up/m.bin", 50_000, 1);
        URI failing = server.uri("/down/m.bin");

        Result result = cli.run("get", "--quiet", "--mirror", server.uri("/elsewhere/gone.bin").toString(),
                "--mirror=" + server.uri(file.path()), failing.toString());

        assertEquals(0, result.status(), result.err());
        assertEquals(folder.resolve("m.bin") + "\t50000\t" + file.sha256(), result.out().strip());
        Transfer done = commandLineTransfers().getFirst();
        assertEquals(server.uri(file.path()), done.url(), "from the mirror that served");
        // each URL left went to the end of the mirrors: the failing one, then the one not there
        assertEquals(List.of(failing, server.uri("/elsewhere/gone.bin")), done.mirrors());
        Result json = cli.run("list", "--json");
        assertTrue(json.out().contains("\"mirrors\":[\"" + failing + "\",\"" + server.uri("/elsewhere/gone.bin") + "\"]"),
                json.out());
    }

    @Test
    void anInputLineNamesItsMirrorsAfterATab() throws Exception {
        TestFile a = server.addFile("/a.bin", 3_000, 2);
        server.addStatus("/dead/a.bin", 404);
        Files.writeString(folder.resolve("urls.txt"), server.uri("/dead/a.bin") + "\t" + server.uri("/a.bin")
                + "\n  out=first.bin\n", StandardCharsets.UTF_8);

        Result result = cli.run("get", "--quiet", "-i", "urls.txt");

        assertEquals(0, result.status(), result.err());
        assertEquals(folder.resolve("first.bin") + "\t3000\t" + a.sha256(), result.out().strip());
        assertEquals(List.of(server.uri("/dead/a.bin")), commandLineTransfers().getFirst().mirrors());
    }

    @Test
    void aBadMirrorOrMirrorsForSeveralUrlsAreBadUsageAndNothingStarts() {
        server.addFile("/m.bin", 1_000, 3);
        String url = server.uri("/m.bin").toString();

        Result bad = cli.run("get", "--quiet", "--mirror", "ftp://mirror.example/m.bin", url);
        assertEquals(2, bad.status());
        assertTrue(bad.err().startsWith("bgtransfer: ftp://mirror.example/m.bin cannot be a mirror: Only http and "
                + "https URLs can be transferred, not ftp.\n"), bad.err());
        Result several = cli.run("get", "--quiet", "--mirror", url, url, server.uri("/other.bin").toString());
        assertEquals(2, several.status());
        assertTrue(several.err().startsWith("bgtransfer: --mirror goes with a single URL"), several.err());
        assertEquals(List.of(), server.requests("/m.bin"), "nothing was asked");
        assertEquals(List.of(), commandLineTransfers(), "nothing was added");
    }
}
