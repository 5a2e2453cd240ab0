package dev.bgtransfer.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.bgtransfer.cli.internal.InProcessCli.Result;

/** What {@code put} refuses before anything starts: exit 2, a sentence and the usage, no request, no transfer. */
class PutRefusedTest extends CommandLineTest {

    /** {@code FILE} is a readable file, {@code FOLDER} a folder, {@code URL} the server's upload endpoint. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a missing file   | put missing.bin URL               | missing.bin cannot be uploaded: there is no such file
            a folder         | put FOLDER URL                    | folder cannot be uploaded: it is not a file
            the method GET   | put --method GET FILE URL         | An upload is sent with PUT or POST, not GET.
            an ftp URL       | put FILE ftp://127.0.0.1/up       | ftp://127.0.0.1/up cannot take an upload: Only http
            a space in a URL | put FILE SPACED_URL               | The URL contains a space at position 19
            no URL           | put FILE                          | put needs a FILE and the URL to upload it to
            a third operand  | upload FILE URL URL               | unexpected argument
            both resumptions | put --resume --no-resume FILE URL | --resume and --no-resume exclude each other
            a get option     | put --dir FOLDER FILE URL         | put does not know the option --dir
            """)
    void isRefusedWithASentenceAndNothingReachesTheServer(String what, String commandLine, String sentence)
            throws Exception {
        server.addResumableUpload("/up");
        file("report.bin", 1_000);
        Files.createDirectory(folder.resolve("folder"));
        String[] arguments = Arrays.stream(commandLine.split(" "))
                .map(word -> switch (word) {
                    case "FILE" -> "report.bin";
                    case "FOLDER" -> "folder";
                    case "URL" -> server.uri("/up").toString();
                    case "SPACED_URL" -> "http://127.0.0.1/a b";
                    default -> word;
                })
                .toArray(String[]::new);

        assertRefused(cli.run(arguments), sentence);
    }

    @Test
    void anUnreadableFileIsRefused() throws Exception {
        Path file = file("secret.bin", 1_000);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("-w-------"));
        assumeFalse(Files.isReadable(file), "root reads every file");
        server.addResumableUpload("/up");

        assertRefused(cli.run("put", file.toString(), server.uri("/up").toString()),
                "secret.bin cannot be uploaded: it cannot be read (check its permissions)");
    }

    @Test
    void aFileGoneBeforeTheCommandRunsIsRefusedByTheService() throws Exception {
        Path file = file("report.bin", 1_000);
        server.addResumableUpload("/up");
        Command.OnStore put = cli.parse("put", file.toString(), server.uri("/up").toString());
        Files.delete(file);

        Result result = cli.run(put);

        assertEquals(2, result.status());
        assertEquals("bgtransfer: There is no file " + file + " to upload.\n", result.err());
        assertNothingHappened(result);
    }

    private void assertRefused(Result result, String sentence) {
        assertEquals(2, result.status(), result.err());
        assertTrue(result.err().contains(sentence), result.err());
        assertTrue(result.err().contains("Usage: bgtransfer"), result.err());
        assertNothingHappened(result);
    }

    private void assertNothingHappened(Result result) {
        assertEquals("", result.out());
        assertEquals(List.of(), server.requests(), "nothing reached the server");
        assertEquals(List.of(), commandLineTransfers(), "nothing was started");
    }
}
