package dev.bgtransfer.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.cli.internal.InProcessCli.Result;
import dev.bgtransfer.core.ByteCounts;
import dev.bgtransfer.core.Transfer;

/**
 * {@code list}: id, kind, state, bytes, URL, file or folder and session of each transfer, then whether
 * it can resume and why, tab-separated.
 */
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
        assertEquals(line(transfers.get(0), "upload", bytes(3_000), "/up", file, "yes\tthe server takes resumable uploads")
                + line(transfers.get(1), "download", bytes(2_000), "/a.bin", downloads.resolve("a.bin"),
                        "yes\tthe server offers byte ranges and a strong ETag"), list.out());
    }

    @Test
    void saysWhetherEachTransferCanResumeAndWhyInItsLastTwoColumns() throws Exception {
        server.addFile("/plain.bin", 2_000, 2).withoutValidators(true);
        server.addFile("/quiet.bin", 2_000, 3).rangesUnannounced(true);
        assertEquals(0, cli.run("get", "--quiet", server.uri("/plain.bin").toString(), server.uri("/quiet.bin").toString())
                .status());
        List<Transfer> transfers = commandLineTransfers();

        Result list = cli.run("list");

        assertEquals(line(transfers.get(0), "download", bytes(2_000), "/plain.bin", folder.resolve("plain.bin"),
                "no\tthe server sends no ETag or Last-Modified, so a changed file could not be told from this one")
                + line(transfers.get(1), "download", bytes(2_000), "/quiet.bin", folder.resolve("quiet.bin"),
                        "unknown\tthe server did not say whether it offers byte ranges; a resume will tell"),
                list.out());
    }

    private String line(Transfer transfer, String kind, String bytes, String path, Path where, String resumable) {
        return String.join("\t", Long.toString(transfer.id()), kind, "COMPLETED", bytes, server.uri(path).toString(),
                where.toString(), CommandLineSession.IDENTIFIER, resumable) + "\n";
    }

    private static String bytes(long count) {
        return ByteCounts.format(count) + " / " + ByteCounts.format(count);
    }
}
