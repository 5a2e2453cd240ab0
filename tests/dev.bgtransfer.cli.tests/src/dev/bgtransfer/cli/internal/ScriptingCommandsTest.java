package dev.bgtransfer.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.cli.internal.InProcessCli.Result;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestFile;

/**
 * What scripts drive the command line with (issue 18): {@code get -i FILE} with aria2's per-URL
 * {@code sha256=}, {@code wait ID...} and {@code list --json}; bad input a sentence and exit 2.
 */
class ScriptingCommandsTest extends CommandLineTest {

    @Test
    void anInputFileGivesUrlsWithTheirSha256() throws Exception {
        TestFile a = server.addFile("/a.bin", 3_000, 1);
        TestFile b = server.addFile("/b.bin", 4_000, 2);
        server.addFile("/c.bin", 5_000, 3);
        Path urls = Files.writeString(folder.resolve("urls.txt"), "# three files\n" + server.uri("/a.bin") + "\n\n"
                + server.uri("/b.bin") + "\n  sha256=" + b.sha256().toUpperCase() + "\r\n" + server.uri("/c.bin")
                + "\n\tchecksum=sha-256=" + "0".repeat(64) + "\n", StandardCharsets.UTF_8);

        Result result = cli.run("get", "--quiet", "-i", "urls.txt");

        assertEquals(1, result.status(), "c's bytes do not match its SHA-256: " + result.err());
        assertTrue(result.out().contains(folder.resolve("a.bin") + "\t3000\t" + a.sha256()), result.out());
        assertTrue(result.out().contains(folder.resolve("b.bin") + "\t4000\t" + b.sha256()), result.out());
        assertTrue(result.err().startsWith(server.uri("/c.bin") + ": "), result.err());
        List<String> expected = commandLineTransfers().stream()
                .map(transfer -> transfer.url().getPath() + " " + transfer.state()).toList();
        assertEquals(List.of("/a.bin COMPLETED", "/b.bin COMPLETED", "/c.bin FAILED"), expected);
    }

    @Test
    void theAttachedFormAndUrlsBesideTheFileAreTakenToo() throws Exception {
        server.addFile("/a.bin", 1_000, 4);
        server.addFile("/b.bin", 1_000, 5);
        Files.writeString(folder.resolve("one.txt"), server.uri("/a.bin") + "\n");

        Result result = cli.run("get", "--quiet", "-ione.txt", server.uri("/b.bin").toString());

        assertEquals(0, result.status(), result.err());
        assertEquals(2, result.out().lines().count(), result.out());
    }

    @Test
    void aBadInputFileIsASentenceNamingTheLineAndNothingStarts() throws Exception {
        Files.writeString(folder.resolve("two.txt"), "http://a.example/1 http://a.example/2\n");
        Files.writeString(folder.resolve("orphan.txt"), "  sha256=" + "a".repeat(64) + "\n");
        Files.writeString(folder.resolve("option.txt"), "http://a.example/1\n  dir=x\n");
        Files.writeString(folder.resolve("short.txt"), "http://a.example/1\n  sha256=abc\n");
        Files.writeString(folder.resolve("empty.txt"), "# nothing\n\n");
        Files.write(folder.resolve("binary.txt"), new byte[] { (byte) 0xff, (byte) 0xfe, 0 });
        Files.createDirectory(folder.resolve("folder"));

        assertRefused("the input file " + folder.resolve("two.txt")
                + ", line 1: one file a line, its URL and any mirrors separated by tabs", "-i", "two.txt");
        assertRefused("the input file " + folder.resolve("orphan.txt")
                + ", line 1: an indented line gives an option of the URL above it", "-i", "orphan.txt");
        assertRefused("the input file " + folder.resolve("option.txt") + ", line 2: unknown option \"dir=x\"",
                "-i", "option.txt");
        assertRefused("the input file " + folder.resolve("short.txt") + ", line 2: a SHA-256 is 64 hexadecimal digits",
                "--input-file", "short.txt");
        assertRefused("the input file " + folder.resolve("empty.txt") + " holds no URL", "--input-file=empty.txt");
        assertRefused("the input file " + folder.resolve("binary.txt") + " is not UTF-8 text", "-i", "binary.txt");
        assertRefused("the input file " + folder.resolve("missing.txt") + " cannot be read: there is no such file",
                "-i", "missing.txt");
        assertRefused("the input file " + folder.resolve("folder") + " cannot be read: it is not a file", "-i",
                "folder");
        assertRefused("standard input holds no URL", "--input-from-stdin", "empty.txt");
        assertRefused("get does not know the option -x", "-x", "y");
        assertTrue(commandLineTransfers().isEmpty(), "nothing started");
    }

    @Test
    void outputNamesTheFileAsCurlsDoesAndOutLinesNameEachOfAnInputFile() throws Exception {
        TestFile a = server.addFile("/a.bin", 2_000, 10);
        TestFile b = server.addFile("/b.bin", 3_000, 11);
        Files.writeString(folder.resolve("named.txt"), server.uri("/b.bin") + "\n  out=second.dat\n");

        Result first = cli.run("get", "--quiet", "-o", "first.dat", server.uri("/a.bin").toString());
        Result second = cli.run("get", "--quiet", "--input-file=named.txt");

        assertEquals(0, first.status(), first.err());
        assertEquals(folder.resolve("first.dat") + "\t2000\t" + a.sha256() + "\n", first.out());
        assertEquals(0, second.status(), second.err());
        assertEquals(folder.resolve("second.dat") + "\t3000\t" + b.sha256() + "\n", second.out());
    }

    @Test
    void anOutputThatIsNoNameOrGoesWithManyUrlsIsRefused() throws Exception {
        Files.writeString(folder.resolve("bad-out.txt"), "http://a.example/1\n  out=../up.bin\n");

        assertRefused("\"x/y\" cannot be the name of a file here", "-o", "x/y", "http://a.example/1");
        assertRefused("-o (--output) goes with a single URL", "--output", "z.bin", "http://a.example/1",
                "http://a.example/2");
        assertRefused("\"../up.bin\" cannot be the name of a file here", "-i", "bad-out.txt");
        assertTrue(commandLineTransfers().isEmpty(), "nothing started");
    }

    @Test
    void waitReportsWhatGetWouldForTransfersItDidNotStart() throws Exception {
        TestFile big = server.addFile("/big.bin", 2_000_000, 6).throttle(1_000_000);
        server.addFile("/missing-soon.bin", 1_000, 7);
        Transfer slow = session().download(TransferRequest.of(server.uri(big.path()), folder));
        server.remove("/missing-soon.bin");
        Transfer failing = session().download(TransferRequest.of(server.uri("/missing-soon.bin"), folder));

        Result result = cli.run("wait", "--quiet", Long.toString(slow.id()), Long.toString(failing.id()));

        assertEquals(1, result.status(), "one of the two failed");
        assertEquals(folder.resolve("big.bin") + "\t2000000\t" + big.sha256() + "\n", result.out());
        assertTrue(result.err().startsWith(server.uri("/missing-soon.bin") + ": "), result.err());
        assertEquals(TransferState.COMPLETED, fixture.service().get(slow.id()).orElseThrow().state());
    }

    @Test
    void waitTakesAPausedTransferAsOverAndLeavesItPaused() throws Exception {
        server.addFile("/paused.bin", 2_000_000, 8).throttle(200_000);
        Transfer paused = session().download(TransferRequest.of(server.uri("/paused.bin"), folder));
        fixture.awaitBytes(paused.id(), 10_000);
        fixture.service().pause(paused.id());
        fixture.awaitState(paused.id(), TransferState.PAUSED);

        Result result = cli.run("wait", Long.toString(paused.id()));

        assertEquals(1, result.status());
        assertEquals(server.uri("/paused.bin") + ": the transfer is paused (bgtransfer start ID resumes it)\n",
                result.err());
        assertEquals(TransferState.PAUSED, fixture.service().get(paused.id()).orElseThrow().state());
    }

    @Test
    void waitForAnUnknownIdIsRefused() {
        Result result = cli.run("wait", "4711");

        assertEquals(2, result.status());
        assertTrue(result.err().startsWith("bgtransfer: " + folder.resolve("state") + " holds no transfer with the id 4711"),
                result.err());
    }

    @Test
    void listJsonIsOneObjectALine() throws Exception {
        TestFile a = server.addFile("/a.bin", 1_500, 9);
        server.addStatus("/gone.bin", 404);
        cli.run("get", "--quiet", server.uri(a.path()).toString(), server.uri("/gone.bin").toString());

        Result result = cli.run("list", "--json");

        assertEquals(0, result.status(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(2, lines.size(), result.out());
        Transfer done = commandLineTransfers().get(0);
        assertEquals("{\"id\":" + done.id() + ",\"kind\":\"download\",\"state\":\"COMPLETED\",\"bytes\":1500,\"total\":1500,"
                + "\"url\":\"" + done.url() + "\",\"title\":\"" + done.title() + "\",\"folder\":\"" + folder
                + "\",\"file\":\"" + folder.resolve(done.file().orElseThrow().getFileName()) + "\","
                + "\"session\":\"dev.bgtransfer.cli\",\"sha256\":\"" + a.sha256() + "\",\"failure\":null,"
                + "\"resumable\":{\"value\":\"yes\",\"reason\":\"the server offers byte ranges and a strong ETag\"},\"mirrors\":[]}",
                lines.get(0));
        assertTrue(lines.get(1).contains("\"state\":\"FAILED\""), lines.get(1));
        assertTrue(lines.get(1).contains("\"total\":null"), lines.get(1));
        assertTrue(lines.get(1).matches(".*\"failure\":\\{\"kind\":\"[A-Z_]+\",\"message\":\"[^\"]+\"\\},"
                + "\"resumable\":\\{\"value\":\"unknown\",\"reason\":\"not known until the server answers\"\\},\"mirrors\":\\[\\]\\}"), lines.get(1));
    }

    private void assertRefused(String sentence, String... options) {
        String[] arguments = new String[options.length + 2];
        arguments[0] = "get";
        arguments[1] = "--quiet";
        System.arraycopy(options, 0, arguments, 2, options.length);
        Result result = cli.run(arguments);
        assertEquals(2, result.status(), String.join(" ", arguments));
        assertTrue(result.err().startsWith("bgtransfer: " + sentence), result.err());
    }

    private TransferSession session() {
        return CommandLineSession.open(fixture.service(), SessionOptions.NONE);
    }
}
