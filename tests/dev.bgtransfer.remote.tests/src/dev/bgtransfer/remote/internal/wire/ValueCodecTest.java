package dev.bgtransfer.remote.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Resumability;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferKind;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.UploadRequest;

/** Every value of the API goes over the wire and comes back equal, through JSON text as on the socket. */
class ValueCodecTest {
    private static final Transfer BARE = new Transfer(1, URI.create("http://files.example/a.bin"), "a.bin",
            Path.of("/tmp/down"), Optional.empty(), TransferState.QUEUED, 0, Transfer.UNKNOWN_SIZE, Optional.empty(),
            Optional.empty(), Optional.empty(), "default", TransferKind.DOWNLOAD);
    private static final Transfer FULL = new Transfer(Long.MAX_VALUE, URI.create("https://host:8443/p%20q?x=1&y=é#f"),
            "Ünïcode \"title\"", Path.of("/tmp/dir with space"), Optional.of(Path.of("/tmp/dir with space/file.bin")),
            TransferState.RUNNING, 12_345_678_901L, 98_765_432_109L, Optional.of("ab".repeat(32)),
            Optional.of(new TransferFailure(TransferFailure.Kind.DISK, "There is no space left on /tmp.")),
            Optional.of(Instant.parse("2030-01-02T03:04:05.123456789Z")), "org.example.session", TransferKind.UPLOAD,
            Resumability.UPLOAD_NOT_TAKEN_UP, List.of(URI.create("https://mirror.example/p%20q?x=1"),
                    URI.create("http://other.example/a.bin")));

    @Test
    void transfersComeBackEqual() {
        assertEquals(BARE, ValueCodec.transfer(roundTrip(ValueCodec.toJson(BARE))));
        assertEquals(FULL, ValueCodec.transfer(roundTrip(ValueCodec.toJson(FULL))));
        assertEquals(List.of(BARE, FULL), ValueCodec.transfers(
                (List<?>) Json.parse(Json.write(ValueCodec.toJson(List.of(BARE, FULL))))));
    }

    @Test
    void requestsAndConfigurationsComeBackEqual() {
        TransferRequest request = TransferRequest.of(URI.create("http://h/x"), Path.of("/tmp/in"))
                .withTitle("T").withExpectedSha256("CD".repeat(32));
        UploadRequest upload = UploadRequest.of(Path.of("/tmp/up.bin"), URI.create("https://h/up"))
                .withMethod("post").withTitle("Up").withResumable(false);
        TransferOptions options = TransferOptions.DEFAULTS.withMaxConnectionsPerHost(2)
                .withRetries(7, Duration.ofMillis(20)).withMinimumSpeed(1000, Duration.ofSeconds(5))
                .withMaxSpaceWait(Optional.of(Duration.ZERO)).withStallTimeout(Duration.ofNanos(1))
                .withOnlyResumable(true);
        SessionConfiguration configuration = SessionConfiguration.of(SessionKind.BACKGROUND).withOptions(options)
                .withAllFinishedAnnounced(false).withDownloadFolder(Path.of("/tmp/session"));

        assertEquals(request, ValueCodec.transferRequest(roundTrip(ValueCodec.toJson(request))));
        TransferRequest named = request.withFileName("report (final).pdf");
        assertEquals(named, ValueCodec.transferRequest(roundTrip(ValueCodec.toJson(named))));
        TransferRequest mirrored = named.withMirrors(List.of(URI.create("https://m1.example/x"),
                URI.create("http://m2.example/pub/x?y=1")));
        assertEquals(mirrored, ValueCodec.transferRequest(roundTrip(ValueCodec.toJson(mirrored))));
        assertEquals(upload, ValueCodec.uploadRequest(roundTrip(ValueCodec.toJson(upload))));
        assertEquals(options, ValueCodec.options(roundTrip(ValueCodec.toJson(options))));
        assertEquals(TransferOptions.DEFAULTS, ValueCodec.options(roundTrip(ValueCodec.toJson(TransferOptions.DEFAULTS))));
        assertEquals(configuration, ValueCodec.configuration(roundTrip(ValueCodec.toJson(configuration))));
        SessionConfiguration plain = SessionConfiguration.of(SessionKind.EPHEMERAL);
        assertEquals(plain, ValueCodec.configuration(roundTrip(ValueCodec.toJson(plain))));
    }

    @Test
    void everyResumabilityComesBackEqual() {
        for (Resumability resumability : Resumability.values()) {
            Transfer transfer = new Transfer(2, URI.create("http://h/r"), "r", Path.of("/tmp"), Optional.empty(),
                    TransferState.PAUSED, 1, 2, Optional.empty(), Optional.empty(), Optional.empty(), "s",
                    TransferKind.DOWNLOAD, resumability);
            assertEquals(transfer, ValueCodec.transfer(roundTrip(ValueCodec.toJson(transfer))));
        }
    }

    @Test
    void everyEventComesBackEqual() {
        List<TransferEvent> events = List.of(new TransferEvent.Added(BARE),
                new TransferEvent.StateChanged(FULL, TransferState.QUEUED), new TransferEvent.Progress(FULL),
                new TransferEvent.Completed(FULL), new TransferEvent.Failed(BARE), new TransferEvent.Removed(BARE),
                new TransferEvent.AllFinished("s", List.of(FULL, BARE), List.of(BARE)),
                new TransferEvent.AllFinished("empty", List.of(), List.of()));

        for (TransferEvent event : events) {
            assertEquals(event, EventCodec.event(roundTrip(EventCodec.toJson(event))));
        }
    }

    @Test
    void aValueTheApiRefusesIsRefusedOnArrival() {
        JsonObject badUrl = ValueCodec.toJson(TransferRequest.of(URI.create("http://h/x"), Path.of("/tmp")))
                .put("url", "ftp://h/x");
        JsonObject badOptions = ValueCodec.toJson(TransferOptions.DEFAULTS).put("maxConnectionsPerHost", 0L);

        assertThrows(IllegalArgumentException.class, () -> ValueCodec.transferRequest(badUrl));
        assertEquals("Connections per host must be between 1 and 64, not 0",
                assertThrows(IllegalArgumentException.class, () -> ValueCodec.options(badOptions)).getMessage());
        assertEquals("the field \"connectTimeout\" is malformed: \"soon\"", assertThrows(WireException.class,
                () -> ValueCodec.options(ValueCodec.toJson(TransferOptions.DEFAULTS).put("connectTimeout", "soon")))
                .getMessage());
    }

    @Test
    void exceptionsComeBackWithTheirTypeAndSentence() {
        RuntimeException argument = RemoteFailure.toException(roundTrip(
                RemoteFailure.toJson(new IllegalArgumentException("There is no transfer 7."))));
        RuntimeException state = RemoteFailure.toException(roundTrip(
                RemoteFailure.toJson(new IllegalStateException("The session was invalidated."))));
        RuntimeException other = RemoteFailure.toException(roundTrip(
                RemoteFailure.toJson(new ArrayIndexOutOfBoundsException("Index 3"))));

        assertInstanceOf(IllegalArgumentException.class, argument);
        assertEquals("There is no transfer 7.", argument.getMessage());
        assertEquals(IllegalStateException.class, state.getClass());
        assertEquals("The session was invalidated.", state.getMessage());
        assertEquals(IllegalStateException.class, other.getClass(), "a type the API does not document");
        assertEquals("Index 3", other.getMessage());
    }

    private static JsonObject roundTrip(JsonObject json) {
        return (JsonObject) Json.parse(Json.write(json));
    }
}
