package dev.bgtransfer.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.cli.internal.InProcessCli.Result;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TransferFixture;

/**
 * {@code pause}, {@code start}, {@code stop} and {@code remove ID...}: the service's operations by id,
 * run in this process as {@code --no-daemon} runs them; an id that is bad or unknown refuses the whole command.
 */
class ByIdCommandTest extends CommandLineTest {

    @Test
    void pauseKeepsTheBytesAndStartFinishesRangedWaitingForIt() throws Exception {
        long id = slowDownloadUnderWay(3);

        Result paused = cli.run("pause", Long.toString(id));

        assertEquals(0, paused.status(), paused.err());
        assertEquals("", paused.out() + paused.err());
        Transfer kept = fixture.awaitState(id, TransferState.PAUSED);
        assertTrue(Files.size(TransferFixture.partFiles(folder).getFirst()) > 0, "the partial bytes are kept");
        server.setThrottle(0);

        Result started = cli.run("start", Long.toString(id));

        assertEquals(0, started.status(), started.err());
        assertTrue(started.out().startsWith(folder.resolve("big.bin") + "\t3000000\t"), started.out());
        assertEquals(TransferState.COMPLETED, fixture.service().get(id).orElseThrow().state());
        OptionalLong resumedFrom = server.requests("/big.bin").getLast().rangeStart();
        assertTrue(resumedFrom.isPresent() && resumedFrom.getAsLong() >= kept.bytesReceived() - 1, "continued ranged");
    }

    @Test
    void pausingATransferThatCannotResumePausesItAndWarnsThatItsBytesWillBeFetchedAgain() throws Exception {
        server.addFile("/whole.bin", 3_000_000, 5).withoutValidators(true);
        server.setThrottle(1_000_000);
        long id = CommandLineSession.open(fixture.service(), SessionOptions.NONE)
                .download(TransferRequest.of(server.uri("/whole.bin"), folder)).id();
        fixture.awaitBytes(id, 100_000);

        Result paused = cli.run("pause", Long.toString(id));

        assertEquals(0, paused.status(), paused.err());
        assertEquals("", paused.out());
        assertEquals("bgtransfer: transfer " + id + " was paused, but it cannot resume (the server sends no ETag or"
                + " Last-Modified, so a changed file could not be told from this one): its bytes will be fetched again"
                + " when it starts\n", paused.err());
        fixture.awaitState(id, TransferState.PAUSED);
        assertEquals("", cli.run("pause", Long.toString(id)).err(), "no warning for a transfer already paused");
    }

    @Test
    void stopDeletesTheBytes() throws Exception {
        long id = slowDownloadUnderWay(4);

        assertEquals(0, cli.run("stop", Long.toString(id)).status());

        fixture.awaitState(id, TransferState.CANCELLED);
        assertEquals(0, TransferFixture.partFiles(folder).size());
    }

    @Test
    void removeKeepsTheCompletedFileUnlessAskedToDeleteIt() throws Exception {
        server.addFile("/a.bin", 2_000, 1);
        server.addFile("/b.bin", 2_000, 2);
        assertEquals(0, cli.run("get", "--quiet", server.uri("/a.bin").toString(), server.uri("/b.bin").toString())
                .status());
        long a = commandLineTransfers().get(0).id();
        long b = commandLineTransfers().get(1).id();

        Result keep = cli.run("remove", Long.toString(a));
        Result delete = cli.run("remove", "--delete-file", Long.toString(b));

        assertEquals(0, keep.status(), keep.err());
        assertEquals(0, delete.status(), delete.err());
        assertTrue(fixture.service().get(a).isEmpty() && fixture.service().get(b).isEmpty(), "both forgotten");
        assertTrue(Files.isRegularFile(folder.resolve("a.bin")), "remove keeps the completed file");
        assertFalse(Files.exists(folder.resolve("b.bin")), "remove --delete-file deletes it");
    }

    @Test
    void anUnknownIdRefusesTheWholeCommand() throws Exception {
        server.addFile("/a.bin", 2_000, 1);
        assertEquals(0, cli.run("get", "--quiet", server.uri("/a.bin").toString()).status());
        long known = commandLineTransfers().getFirst().id();
        long unknown = known + 1_000;

        Result result = cli.run("remove", Long.toString(known), Long.toString(unknown));

        assertEquals(2, result.status());
        assertTrue(result.err().startsWith("bgtransfer: " + folder.resolve("state") + " holds no transfer with the id "
                + unknown + "; nothing was done"), result.err());
        assertTrue(fixture.service().get(known).isPresent(), "the known id was left alone");
    }

    @Test
    void aBadOrMissingIdIsBadUsage() {
        Result bad = cli.run("pause", "12x");
        Result none = cli.run("stop");
        Result zero = cli.run("start", "0");

        assertEquals(2, bad.status());
        assertTrue(bad.err().startsWith("bgtransfer: \"12x\" is not a transfer id"), bad.err());
        assertEquals(2, none.status());
        assertTrue(none.err().startsWith("bgtransfer: stop needs the ids of the transfers"), none.err());
        assertEquals(2, zero.status());
    }

    @Test
    void changeUrlMovesAPausedDownloadWhichThenFinishesRangedFromTheNewUrl() throws Exception {
        long id = slowDownloadUnderWay(5);
        assertEquals(0, cli.run("pause", Long.toString(id)).status());
        Transfer paused = fixture.awaitState(id, TransferState.PAUSED);
        server.addFile("/moved/big.bin", 3_000_000, 5);
        server.setThrottle(0);

        Result changed = cli.run("change-url", Long.toString(id), server.uri("/moved/big.bin").toString());
        Result started = cli.run("start", Long.toString(id));

        assertEquals(0, changed.status(), changed.err());
        assertEquals("", changed.out() + changed.err());
        assertEquals(0, started.status(), started.err());
        assertEquals(server.uri("/moved/big.bin"), fixture.service().get(id).orElseThrow().url());
        assertEquals(paused.bytesReceived(), server.requests("/moved/big.bin").getFirst().rangeStart().orElseThrow(),
                "the bytes were kept and the rest asked of the new URL");
    }

    @Test
    void changeUrlRefusesWhatItCannotDoWithASentence() throws Exception {
        server.addFile("/a.bin", 2_000, 1);
        assertEquals(0, cli.run("get", "--quiet", server.uri("/a.bin").toString()).status());
        long done = commandLineTransfers().getFirst().id();

        Result completed = cli.run("change-url", Long.toString(done), server.uri("/b.bin").toString());
        Result badUrl = cli.run("change-url", Long.toString(done), "ftp://example.org/a");
        Result missing = cli.run("change-url", Long.toString(done));
        Result unknown = cli.run("change-url", Long.toString(done + 1_000), server.uri("/b.bin").toString());

        assertEquals(2, completed.status());
        assertEquals("bgtransfer: Transfer " + done + " is complete: its URL can no longer be changed\n",
                completed.err().replace(System.lineSeparator(), "\n"));
        assertEquals(2, badUrl.status());
        assertTrue(badUrl.err().startsWith("bgtransfer: ftp://example.org/a cannot be downloaded: Only http and https"),
                badUrl.err());
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("bgtransfer: change-url needs the id of a download and its new URL"),
                missing.err());
        assertEquals(2, unknown.status());
        assertEquals(server.uri("/a.bin"), fixture.service().get(done).orElseThrow().url(), "nothing changed");
    }

    /** @return the id of a download of /big.bin at 1 MB/s in the command line's session, some bytes in */
    private long slowDownloadUnderWay(long seed) {
        server.addFile("/big.bin", 3_000_000, seed);
        server.setThrottle(1_000_000);
        TransferRequest request = TransferRequest.of(server.uri("/big.bin"), folder);
        long id = CommandLineSession.open(fixture.service(), SessionOptions.NONE).download(request).id();
        fixture.awaitBytes(id, 100_000);
        return id;
    }
}
