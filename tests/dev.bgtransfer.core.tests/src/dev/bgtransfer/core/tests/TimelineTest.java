package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.PasswordAuthentication;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.TimelineEntry.Kind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;

/**
 * The diagnostic timeline of a transfer: what was asked and answered, in order, with the facts a bug
 * report needs, bounded, and without credentials.
 */
class TimelineTest extends ServiceTest {

    @Test
    void aRedirectedRetriedPausedAndResumedDownloadIsToldInOrder() throws Exception {
        TestFile file = server.addFile("/files/told.bin", 2_000_000, 171).throttle(300_000);
        server.addRedirect("/go/told.bin", 302, "/files/told.bin");
        server.failNext(file.path(), 503, 1, "1");
        Transfer started = fixture.service().download(TransferRequest.of(server.uri("/go/told.bin"), folder));
        fixture.awaitBytes(started.id(), 400_000);
        fixture.service().pause(started.id());
        Transfer paused = fixture.awaitState(started.id(), TransferState.PAUSED);
        file.throttle(0);
        fixture.service().start(started.id());
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));

        List<TimelineEntry> timeline = fixture.service().timeline(started.id());
        String go = server.uri("/go/told.bin").toString();
        String at = server.uri(file.path()).toString();
        String range = "bytes=" + paused.bytesReceived() + "-";
        RecordedRequest resumed = server.requests(file.path()).getLast();
        assertEquals(range, resumed.header("Range").orElseThrow(), "what the server saw");
        assertInOrder(timeline,
                entry(Kind.STATE, "to", "queued"),
                entry(Kind.STATE, "to", "running"),
                entry(Kind.REQUEST, "method", "GET", "url", go).and(without("range")),
                entry(Kind.RESPONSE, "status", "302 Moved Temporarily", "location", "/files/told.bin"),
                entry(Kind.REDIRECT, "status", "302 Moved Temporarily", "from", go, "to", at),
                entry(Kind.REQUEST, "url", at).and(without("range")),
                entry(Kind.RESPONSE, "status", "503 Service Unavailable", "retry-after", "1"),
                entry(Kind.RETRY, "retry", "1 of 2", "delay", "PT1S", "basis", "the server's Retry-After (1 s)")
                        .and(fact("reason", value -> value.contains("503"))),
                // no bytes yet: the retry asks the URL as requested again, and is redirected again
                entry(Kind.REQUEST, "url", go),
                entry(Kind.REDIRECT, "from", go, "to", at),
                entry(Kind.REQUEST, "url", at).and(without("range")),
                entry(Kind.RESPONSE, "status", "200 OK", "etag", file.etag(), "last-modified", file.lastModified(),
                        "content-length", "2000000"),
                entry(Kind.CHECKPOINT),
                entry(Kind.STATE, "from", "running", "to", "paused", "bytes", Long.toString(paused.bytesReceived())),
                entry(Kind.STATE, "from", "paused", "to", "queued"),
                entry(Kind.STATE, "from", "queued", "to", "running"),
                entry(Kind.REQUEST, "url", at, "range", range, "if-range", file.etag(), "proxy", "direct"),
                entry(Kind.RESPONSE, "status", "206 Partial Content", "etag", file.etag(), "content-range",
                        "bytes " + paused.bytesReceived() + "-1999999/2000000"),
                entry(Kind.STATE, "from", "running", "to", "completed", "sha256", file.sha256()));
        assertEquals(LongStream.rangeClosed(1, timeline.size()).boxed().toList(),
                timeline.stream().map(TimelineEntry::sequence).toList(), "numbered from 1, none left out");
        assertTrue(timeline.stream().allMatch(entry -> entry.transferId() == started.id()));
        for (int i = 1; i < timeline.size(); i++) {
            assertFalse(timeline.get(i).time().isBefore(timeline.get(i - 1).time()), "in time order");
        }
    }

    @Test
    void aLongTimelineKeepsItsFirstEntriesAndTheLatest() {
        fixture.service().setOptions(TransferFixture.OPTIONS.withRetries(100, Duration.ofMillis(1)));
        TestFile file = server.addFile("/files/busy.bin", 10_000, 172);
        server.failNext(file.path(), 503, 80, "0"); // each: a request, its answer and a retry

        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitState(started.id(), TransferState.COMPLETED);

        List<TimelineEntry> timeline = fixture.service().timeline(started.id());
        assertEquals(TimelineEntry.MAX_KEPT, timeline.size());
        long last = timeline.getLast().sequence();
        assertTrue(last > 3 * 80, "every retry was recorded: " + last);
        List<Long> expected = LongStream.concat(LongStream.rangeClosed(1, TimelineEntry.FIRST_KEPT),
                LongStream.rangeClosed(last - (TimelineEntry.MAX_KEPT - TimelineEntry.FIRST_KEPT) + 1, last))
                .boxed().toList();
        assertEquals(expected, timeline.stream().map(TimelineEntry::sequence).toList());
        assertEquals(Kind.STATE, timeline.getFirst().kind(), "how it began is kept");
        assertEquals(Kind.REQUEST, timeline.get(2).kind());
        assertEquals(Kind.STATE, timeline.getLast().kind());
        assertEquals("completed", timeline.getLast().facts().get("to"));
    }

    @Test
    void theCredentialsGivenAreNowhereInTheTimeline() throws Exception {
        String password = "pw-7Qz!timeline";
        TestFile file = server.addFile("/private/told.bin", 200_000, 173).requireBasicAuth("alice", password);
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitState(started.id(), TransferState.FAILED);
        fixture.service().authenticate(started.id(), new PasswordAuthentication("alice", password.toCharArray()));
        fixture.awaitState(started.id(), TransferState.COMPLETED);
        String sent = server.requests(file.path()).getLast().header("Authorization").orElseThrow();

        List<TimelineEntry> timeline = fixture.service().timeline(started.id());
        assertInOrder(timeline,
                entry(Kind.RESPONSE, "status", "401 Unauthorized"),
                entry(Kind.CREDENTIALS, "answer", "127.0.0.1 asks for a user name and password.")
                        .and(fact("challenge", value -> value.startsWith("Basic"))),
                entry(Kind.STATE, "to", "failed"),
                entry(Kind.REQUEST).and(without("authorization")),
                entry(Kind.RESPONSE, "status", "401 Unauthorized"),
                entry(Kind.CREDENTIALS, "answer", "The credentials given for this server were sent."),
                entry(Kind.REQUEST, "authorization", "sent"),
                entry(Kind.RESPONSE, "status", "200 OK"));
        String all = timeline.stream().map(entry -> entry.text() + "\n" + entry.toJson())
                .collect(Collectors.joining("\n"));
        String encoded = Base64.getEncoder().encodeToString(("alice:" + password).getBytes(StandardCharsets.UTF_8));
        for (String secret : List.of(password, encoded, sent, "alice")) {
            assertFalse(all.contains(secret), "the timeline holds " + secret + ":\n" + all);
        }
    }

    @Test
    void anUnknownIdIsRefusedAndARemovedTransferTakesItsTimelineAlong() {
        assertThrows(IllegalArgumentException.class, () -> fixture.service().timeline(987_654));
        TestFile file = server.addFile("/files/gone.bin", 1_000, 174);
        Transfer done = fixture.awaitState(
                fixture.service().download(TransferRequest.of(server.uri(file.path()), folder)).id(),
                TransferState.COMPLETED);
        assertFalse(fixture.service().timeline(done.id()).isEmpty());

        fixture.service().remove(done.id(), true);
        assertThrows(IllegalArgumentException.class, () -> fixture.service().timeline(done.id()));
    }

    @Test
    void textAndJsonSayTheSame() {
        TestFile file = server.addFile("/files/forms.bin", 1_000, 175);
        Transfer done = fixture.awaitState(
                fixture.service().download(TransferRequest.of(server.uri(file.path()), folder)).id(),
                TransferState.COMPLETED);
        TimelineEntry request = fixture.service().timeline(done.id()).stream()
                .filter(entry -> entry.kind() == Kind.REQUEST).findFirst().orElseThrow();
        String url = server.uri(file.path()).toString();

        assertEquals(request.time() + "  #" + request.sequence() + "  request  method=GET  url=" + url
                + "  proxy=direct", request.text());
        assertEquals("{\"id\":" + done.id() + ",\"sequence\":" + request.sequence() + ",\"time\":\"" + request.time()
                + "\",\"kind\":\"request\",\"facts\":{\"method\":\"GET\",\"url\":\"" + url
                + "\",\"proxy\":\"direct\"}}", request.toJson());
    }

    @Test
    void aChangedEntityIsARestartFromZeroWithItsReason() throws Exception {
        TestFile file = server.addFile("/files/changing.bin", 2_000_000, 176).throttle(400_000);
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitBytes(started.id(), 300_000);
        fixture.service().pause(started.id());
        Transfer paused = fixture.awaitState(started.id(), TransferState.PAUSED);
        String before = file.etag();
        file.changeContent(177).throttle(0);
        fixture.service().start(started.id());
        fixture.awaitState(started.id(), TransferState.COMPLETED);

        assertInOrder(fixture.service().timeline(started.id()),
                entry(Kind.REQUEST, "range", "bytes=" + paused.bytesReceived() + "-", "if-range", before),
                entry(Kind.RESPONSE, "status", "200 OK", "etag", file.etag()),
                entry(Kind.RESTART, "bytes", Long.toString(paused.bytesReceived()), "reason", "The server answered "
                        + "the range from byte " + paused.bytesReceived() + " with the whole entity (200 OK): it changed,"
                        + " or it ignores ranges."),
                entry(Kind.STATE, "to", "completed", "sha256", file.sha256()));
    }

    @Test
    void aRequestWithoutAnAnswerSaysWhatTheNetworkSaid() throws Exception {
        int port;
        try (ServerSocket nobody = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = nobody.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port + "/nothing.bin");
        Transfer started = fixture.service().download(TransferRequest.of(closed, folder));
        fixture.awaitState(started.id(), TransferState.FAILED);

        List<TimelineEntry> timeline = fixture.service().timeline(started.id());
        assertInOrder(timeline,
                entry(Kind.REQUEST, "url", closed.toString()),
                entry(Kind.NO_RESPONSE, "url", closed.toString())
                        .and(fact("error", error -> error.contains("Connection refused"))),
                entry(Kind.RETRY, "retry", "1 of 2"),
                entry(Kind.NO_RESPONSE),
                entry(Kind.RETRY, "retry", "2 of 2").and(fact("basis", basis -> basis.startsWith(
                        "exponential backoff from 20 ms, retry 2"))),
                entry(Kind.NO_RESPONSE),
                entry(Kind.STATE, "to", "failed").and(fact("reason", reason -> reason.contains("127.0.0.1"))));
    }

    @Test
    void furtherConnectionsOfADownloadInSlicesAreToldWithTheirRanges() throws Exception {
        TestFile file = server.addFile("/big/sliced.bin", 24L * 1024 * 1024, 178).throttle(4L * 1024 * 1024);
        Transfer done = fixture.awaitState(
                fixture.service().download(TransferRequest.of(server.uri(file.path()), folder)).id(),
                TransferState.COMPLETED);
        assertEquals(file.sha256(), done.sha256().orElseThrow());

        List<TimelineEntry> timeline = fixture.service().timeline(done.id());
        assertInOrder(timeline,
                entry(Kind.RESPONSE, "status", "200 OK"),
                entry(Kind.CONNECTIONS, "event", "sliced", "connections", "1"),
                entry(Kind.CONNECTIONS, "event", "added", "connections", "2")
                        .and(fact("range", range -> range.matches("bytes=\\d+-\\d+"))),
                entry(Kind.REQUEST, "if-range", file.etag()).and(fact("range", range -> range.matches("bytes=\\d+-\\d+"))),
                entry(Kind.RESPONSE, "status", "206 Partial Content"),
                entry(Kind.STATE, "to", "completed"));
    }

    /** Fails unless each of {@code expected} matches an entry after the one the previous matched. */
    @SafeVarargs
    private static void assertInOrder(List<TimelineEntry> timeline, Predicate<TimelineEntry>... expected) {
        int at = 0;
        for (int i = 0; i < expected.length; i++) {
            while (at < timeline.size() && !expected[i].test(timeline.get(at))) {
                at++;
            }
            if (at == timeline.size()) {
                throw new AssertionError("expectation " + (i + 1) + " is not met after the ones before it:\n"
                        + timeline.stream().map(TimelineEntry::text).collect(Collectors.joining("\n")));
            }
            at++;
        }
    }

    private static Predicate<TimelineEntry> entry(Kind kind, String... namesAndValues) {
        return entry -> {
            if (entry.kind() != kind) {
                return false;
            }
            for (int i = 0; i < namesAndValues.length; i += 2) {
                if (!namesAndValues[i + 1].equals(entry.facts().get(namesAndValues[i]))) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Predicate<TimelineEntry> without(String fact) {
        return entry -> !entry.facts().containsKey(fact);
    }

    private static Predicate<TimelineEntry> fact(String name, Predicate<String> value) {
        return entry -> entry.facts().containsKey(name) && value.test(entry.facts().get(name));
    }
}
