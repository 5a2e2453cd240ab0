package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.RequestHeader;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TestHosts;

/** Request headers a person gives a transfer: on every request of it, credentials only to its origin. */
class RequestHeadersTest extends ServiceTest {
    private static final List<RequestHeader> GIVEN = List.of(RequestHeader.parse("Authorization: Bearer tok-123"),
            RequestHeader.parse("X-Api-Key:  k1 "), RequestHeader.parse("Cookie: session=abc"),
            RequestHeader.parse("User-Agent: custom/1.0"));

    @Test
    void everyRequestOfTheDownloadCarriesThemTheResumeToo() throws Exception {
        TestFile file = server.addFile("/files/headers.bin", 3_000_000, 81).throttle(1_000_000);
        Transfer added = fixture.service().add(TransferRequest.of(server.uri(file.path()), folder));

        fixture.service().setHeaders(added.id(), GIVEN);
        fixture.service().start(added.id());
        fixture.awaitBytes(added.id(), 200_000);
        fixture.service().pause(added.id());
        fixture.awaitState(added.id(), TransferState.PAUSED);
        file.throttle(0);
        fixture.service().start(added.id());
        Transfer done = fixture.awaitState(added.id(), TransferState.COMPLETED);

        List<RecordedRequest> requests = server.requests(file.path());
        assertEquals(2, requests.size());
        for (RecordedRequest request : requests) {
            assertEquals("Bearer tok-123", request.header("Authorization").orElseThrow());
            assertEquals("k1", request.header("X-Api-Key").orElseThrow());
            assertEquals("session=abc", request.header("Cookie").orElseThrow());
            assertEquals("custom/1.0", request.header("User-Agent").orElseThrow());
        }
        assertTrue(requests.getLast().rangeStart().orElseThrow() > 0, "the resume was ranged");
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void afterARedirectToAnotherOriginOnlyTheHeadersThatAreNoCredentialsGo() throws Exception {
        TestHosts.requireNames();
        TestFile moved = server.addFile("/files/moved.bin", 50_000, 82);
        server.addRedirect("/files/moving.bin", 302, server.uri(TestHosts.OTHER_ORIGIN, moved.path()).toString());
        Transfer added = fixture.service().add(TransferRequest.of(server.uri(TestHosts.ORIGIN, "/files/moving.bin"), folder));

        fixture.service().setHeaders(added.id(), GIVEN);
        fixture.service().start(added.id());
        Transfer done = fixture.awaitState(added.id(), TransferState.COMPLETED);

        RecordedRequest first = server.requests("/files/moving.bin").getFirst();
        assertEquals("Bearer tok-123", first.header("Authorization").orElseThrow());
        RecordedRequest elsewhere = server.requests(moved.path()).getFirst();
        assertEquals(TestHosts.OTHER_ORIGIN + ":" + server.port(), elsewhere.header("Host").orElseThrow());
        assertFalse(elsewhere.header("Authorization").isPresent(), "no token to another origin");
        assertFalse(elsewhere.header("Cookie").isPresent(), "no cookie to another origin");
        assertEquals("k1", elsewhere.header("X-Api-Key").orElseThrow());
        assertEquals("custom/1.0", elsewhere.header("User-Agent").orElseThrow());
        assertEquals(moved.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void slicesOfASegmentedDownloadCarryThemToo() throws Exception {
        TestFile file = server.addFile("/big/headers.bin", 24 * 1024 * 1024, 83).throttle(4_000_000);
        Transfer added = fixture.service().add(TransferRequest.of(server.uri(file.path()), folder));

        fixture.service().setHeaders(added.id(), List.of(RequestHeader.parse("X-Api-Key: slices")));
        fixture.service().start(added.id());
        Transfer done = fixture.awaitState(added.id(), TransferState.COMPLETED);

        List<RecordedRequest> requests = server.requests(file.path());
        assertTrue(requests.size() >= 2, "several connections: " + requests.size());
        assertTrue(requests.stream().allMatch(request -> "slices".equals(request.header("X-Api-Key").orElse(null))),
                requests.toString());
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void headersTheServiceSetsItselfAndMalformedOnesAreRefusedWithASentence() {
        assertEquals("Range is set by the service itself, to move the bytes safely; it cannot be given",
                assertThrows(IllegalArgumentException.class, () -> RequestHeader.parse("Range: bytes=0-")).getMessage());
        assertEquals("Upload-Offset is set by the service itself, to move the bytes safely; it cannot be given",
                assertThrows(IllegalArgumentException.class, () -> RequestHeader.parse("Upload-Offset: 5")).getMessage());
        assertEquals("\"No Space\" is not a header name (letters, digits and !#$%&'*+-.^_`|~ only)",
                assertThrows(IllegalArgumentException.class, () -> RequestHeader.parse("No Space: x")).getMessage());
        assertEquals("The value of X-A holds a line break or another control character",
                assertThrows(IllegalArgumentException.class, () -> new RequestHeader("X-A", "a\r\nInjected: 1"))
                        .getMessage());
        assertEquals("\"Bearer abc\" is no header: write it as Name: value",
                assertThrows(IllegalArgumentException.class, () -> RequestHeader.parse("Bearer abc")).getMessage());
        assertEquals("X-Token: ...", RequestHeader.parse("X-Token: secret").toString(), "a value stays out of logs");
        assertEquals("There is no transfer with id 999999", assertThrows(IllegalArgumentException.class,
                () -> fixture.service().setHeaders(999_999, GIVEN)).getMessage());
    }
}
