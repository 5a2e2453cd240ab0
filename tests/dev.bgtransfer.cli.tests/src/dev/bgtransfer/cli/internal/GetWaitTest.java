package dev.bgtransfer.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.cli.internal.InProcessCli.Result;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;

/**
 * How {@code get} waits: each finished file reported once, from what its end left, with the bytes on
 * disk and in the store; a transfer that goes away while waited for reported as stopped.
 */
class GetWaitTest extends CommandLineTest {
    private static final int FILES = 60;

    @Test
    void manySmallFilesEachGetOneLineWithTheirBytesAndSha256() throws Exception {
        Map<Path, TestFile> expected = new HashMap<>();
        List<String> arguments = new ArrayList<>(List.of("get", "--quiet", "--max-per-host", "5", "--dir",
                folder.toString()));
        for (int i = 0; i < FILES; i++) {
            TestFile file = server.addFile("/small/f" + i + ".bin", 1_000 + 997L * i, 300 + i);
            expected.put(folder.resolve("f" + i + ".bin"), file);
            arguments.add(server.uri(file.path()).toString());
        }

        Result result = cli.run(arguments.toArray(String[]::new));

        assertEquals(0, result.status(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(FILES, lines.size(), result.out());
        for (String line : lines) {
            String[] fields = line.split("\t");
            TestFile file = expected.remove(Path.of(fields[0]));
            assertTrue(file != null, "one line per file, each once: " + line);
            assertEquals(Long.toString(file.size()), fields[1]);
            assertEquals(file.sha256(), fields[2]);
            assertEquals(file.sha256(), TransferFixture.sha256(Path.of(fields[0])));
        }
        assertTrue(commandLineTransfers().stream().allMatch(transfer -> transfer.state() == TransferState.COMPLETED
                && transfer.sha256().isPresent()), "every transfer stored completed with its SHA-256");
    }

    @Test
    void aTransferRemovedWhileWaitedForIsReportedAsStopped() throws Exception {
        TestFile file = server.addFile("/slow.bin", 3_000_000, 9);
        server.setThrottle(500_000);
        String url = server.uri(file.path()).toString();
        CompletableFuture<Result> get = CompletableFuture
                .supplyAsync(() -> cli.run("get", "--quiet", "--dir", folder.toString(), url));
        TransferFixture.awaitTrue("the download under way",
                () -> commandLineTransfers().stream().anyMatch(transfer -> transfer.bytesReceived() > 0));
        Transfer underWay = commandLineTransfers().getFirst();

        fixture.service().remove(underWay.id(), false);

        Result result = get.get(30, TimeUnit.SECONDS);
        assertEquals(1, result.status(), result.err());
        assertEquals(url + ": " + Messages.stopped, result.err().strip());
        assertEquals("", result.out());
        assertTrue(fixture.service().get(underWay.id()).isEmpty(), "forgotten");
    }
}
