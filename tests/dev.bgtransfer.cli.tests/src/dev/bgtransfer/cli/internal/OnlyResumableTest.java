package dev.bgtransfer.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.cli.internal.InProcessCli.Result;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;

/** {@code get --only-resumable}: a server that could not resume a download fails it before a byte is written. */
class OnlyResumableTest extends CommandLineTest {

    @Test
    void aServerWithoutRangesFailsAndAResumableOneCompletes() throws Exception {
        TestFile whole = server.addFile("/whole.bin", 50_000, 1).withoutRanges(true);
        TestFile good = server.addFile("/good.bin", 50_000, 2);

        Result result = cli.run("get", "--quiet", "--only-resumable", server.uri(whole.path()).toString(),
                server.uri(good.path()).toString());

        assertEquals(1, result.status(), result.err());
        assertEquals(folder.resolve("good.bin") + "\t50000\t" + good.sha256() + "\n", result.out());
        assertEquals(server.uri(whole.path()) + ": " + server.uri(whole.path()) + " is not resumable (the server offers"
                + " no byte ranges (it answered a request for one with the whole file)); this session takes only"
                + " resumable transfers.\n", result.err());
        assertEquals(List.of("good.bin"), TransferFixture.list(folder), "nothing of the refused one, not even a partial file");
        List<Transfer> transfers = commandLineTransfers();
        assertEquals(TransferFailure.Kind.NOT_RESUMABLE, transfers.get(0).failure().orElseThrow().kind());
        assertEquals(TransferState.COMPLETED, transfers.get(1).state());
    }

    @Test
    void withoutTheOptionTheNextGetTakesEveryServerAgain() throws Exception {
        TestFile whole = server.addFile("/whole.bin", 50_000, 3).withoutRanges(true);
        assertEquals(1, cli.run("get", "--quiet", "--only-resumable", server.uri(whole.path()).toString()).status());

        Result plain = cli.run("get", "--quiet", server.uri(whole.path()).toString());

        assertEquals(0, plain.status(), plain.err());
        assertTrue(server.requests(whole.path()).getLast().header("Range").isEmpty(), "no range asked");
    }
}
