package dev.bgtransfer.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.cli.internal.InProcessCli.Result;
import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;

/** {@code log ID}: the transfer's timeline, an entry a line or a JSON object a line; bad ids a sentence and exit 2. */
class LogCommandTest extends CommandLineTest {

    @Test
    void logPrintsTheTimelineAnEntryALine() {
        server.addFile("/logged.bin", 5_000, 41);
        server.addRedirect("/go.bin", 301, "/logged.bin");
        assertEquals(0, cli.run("get", "--quiet", server.uri("/go.bin").toString()).status());
        Transfer done = commandLineTransfers().getFirst();
        List<TimelineEntry> timeline = fixture.service().timeline(done.id());

        Result result = cli.run("log", Long.toString(done.id()));

        assertEquals(0, result.status(), result.err());
        assertEquals("", result.err());
        assertEquals(timeline.stream().map(TimelineEntry::text).toList(), result.out().lines().toList());
        assertTrue(result.out().contains("  redirect  status=301 Moved Permanently  from=" + server.uri("/go.bin")
                + "  to=" + server.uri("/logged.bin") + "\n"), result.out());
        assertTrue(result.out().lines().anyMatch(line -> line.contains("  response  status=200 OK  etag=")),
                result.out());
    }

    @Test
    void logJsonIsOneObjectALine() {
        server.addFile("/logged.bin", 5_000, 42);
        assertEquals(0, cli.run("get", "--quiet", server.uri("/logged.bin").toString()).status());
        Transfer done = commandLineTransfers().getFirst();

        Result result = cli.run("log", "--json", Long.toString(done.id()));

        assertEquals(0, result.status(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(fixture.service().timeline(done.id()).stream().map(TimelineEntry::toJson).toList(), lines);
        assertTrue(lines.getFirst().startsWith("{\"id\":" + done.id() + ",\"sequence\":1,\"time\":\""),
                lines.getFirst());
        assertTrue(lines.stream().allMatch(line -> line.startsWith("{") && line.endsWith("}}")), result.out());
    }

    @Test
    void entriesLeftOutAreSaidWhereTheyWere() {
        fixture.service().setOptions(TransferFixture.OPTIONS.withRetries(100, Duration.ofMillis(1)));
        TestFile file = server.addFile("/busy.bin", 1_000, 43);
        server.failNext(file.path(), 503, 80, "0");
        Transfer done = fixture.awaitState(fixture.service().download(
                TransferRequest.of(server.uri(file.path()), folder)).id(), TransferState.COMPLETED);
        List<TimelineEntry> timeline = fixture.service().timeline(done.id());
        long leftOut = timeline.get(TimelineEntry.FIRST_KEPT).sequence() - TimelineEntry.FIRST_KEPT - 1;

        List<String> lines = cli.run("log", Long.toString(done.id())).out().lines().toList();

        assertEquals(TimelineEntry.MAX_KEPT + 1, lines.size());
        assertEquals("...  " + leftOut + " entries left out here: a timeline keeps the first 10 and the latest, 200 in all",
                lines.get(TimelineEntry.FIRST_KEPT));
        assertEquals(timeline.get(TimelineEntry.FIRST_KEPT).text(), lines.get(TimelineEntry.FIRST_KEPT + 1));
        fixture.service().remove(done.id(), true);
    }

    @Test
    void badAndUnknownIdsAreRefusedWithASentence() {
        Result unknown = cli.run("log", "4711");
        assertEquals(2, unknown.status());
        assertEquals("", unknown.out());
        assertTrue(unknown.err().startsWith("bgtransfer: " + folder.resolve("state")
                + " holds no transfer with the id 4711; nothing was done"), unknown.err());

        Result bad = cli.run("log", "seven");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("\"seven\" is not a transfer id"), bad.err());

        Result none = cli.run("log");
        assertEquals(2, none.status());
        assertTrue(none.err().contains("log takes the id of one transfer"), none.err());

        Result two = cli.run("log", "1", "2");
        assertEquals(2, two.status());
        assertTrue(two.err().contains("log takes the id of one transfer"), two.err());
    }
}
