package dev.bgtransfer.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.cli.internal.InProcessCli.Result;
import dev.bgtransfer.core.ByteCounts;
import dev.bgtransfer.core.Transfer;

/** {@code list}: id, kind, state, bytes, URL, file or folder and session of each transfer, tab-separated. */
class ListCommandTest extends CommandLineTest {

    @Test
    void namesEachTransfersKindAfterItsId() throws Exception {
        server.addResumableUpload("/up");
        server.addFile("/a.bin", 2_000, 1);
        Path file = file("report.bin", 3_000);
        Path downloads = folder.resolve("dl");
        assertEquals(0, cli.run("put", "--quiet", file.toString(), server.uri("/up").toString()).status());
        assertEquals(0, cli.run("get", "--quiet", "--dir", "dl", server.uri("/a.bin").toString()).status());
        List<Transfer> transfers = commandLineTransfers();

        Result list = cli.run("list");

        assertEquals(0, list.status(), list.err());
        assertEquals(line(transfers.get(0), "upload", bytes(3_000), "/up", file)
                + line(transfers.get(1), "download", bytes(2_000), "/a.bin", downloads.resolve("a.bin")), list.out());
    }

    private String line(Transfer transfer, String kind, String bytes, String path, Path where) {
        return String.join("\t", Long.toString(transfer.id()), kind, "COMPLETED", bytes, server.uri(path).toString(),
                where.toString(), CommandLineSession.IDENTIFIER) + "\n";
    }

    private static String bytes(long count) {
        return ByteCounts.format(count) + " / " + ByteCounts.format(count);
    }
}
