package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.TestFile;

/**
 * A download fetched over several connections spreads them over its mirrors, leaves a mirror that
 * serves something else, and leaves a URL much slower than another for the faster one.
 */
class MirrorSlicesTest extends MirrorServerTest {

    private Transfer download(TestFile file, TestFile mirrored) {
        URI mirror = atMirror(mirrored);
        return fixture.service().download(TransferRequest.of(server.uri(file.path()), folder)
                .withMirrors(List.of(mirror)));
    }

    private List<TimelineEntry> mirrorsLeft(long id) {
        return fixture.service().timeline(id).stream().filter(entry -> entry.kind() == TimelineEntry.Kind.CONNECTIONS
                && "mirror-left".equals(entry.facts().get("event"))).toList();
    }

    @Test
    void furtherConnectionsGoToTheMirrorNamedByTheDateBothShare() throws Exception {
        long size = 16L << 20;
        TestFile file = server.addFile("/pub/spread.bin", size, 71).throttle(1_000_000);
        TestFile mirrored = mirrorServer.addFile("/mirror/spread.bin", size, 71).throttle(1_000_000)
                .etagSalt("-mirror");

        Transfer done = fixture.awaitState(download(file, mirrored).id(), TransferState.COMPLETED);

        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        List<RecordedRequest> atMirror = mirrorServer.requests(mirrored.path());
        assertFalse(atMirror.isEmpty(), "a further connection went to the mirror");
        for (RecordedRequest request : atMirror) {
            assertTrue(request.rangeStart().orElseThrow() > 0, "a slice: " + request);
            assertEquals(file.lastModified(), request.header("If-Range").orElseThrow());
        }
        assertTrue(mirrored.bytesServed() > 0 && file.bytesServed() > 0, "both served bytes");
        long served = mirrored.bytesServed() + file.bytesServed();
        // a connection cut short at a stolen slice's new end drops what was in flight, no more
        assertTrue(served >= size && served < size + (1 << 20), "served " + served);
        assertEquals(List.of(), mirrorsLeft(done.id()), "neither was left");
        assertEquals(server.uri(file.path()), done.url());
    }

    @Test
    void aMirrorThatServesAnotherFileIsLeftAndTheSlicesGoOnWithoutIt() throws Exception {
        long size = 16L << 20;
        TestFile file = server.addFile("/pub/kept.bin", size, 72).throttle(1_500_000);
        TestFile other = mirrorServer.addFile("/mirror/kept.bin", size, 72).changeContent(73);

        Transfer done = fixture.awaitState(download(file, other).id(), TransferState.COMPLETED);

        assertEquals(file.sha256(), sha256(done.file().orElseThrow()), "none of the other file's bytes");
        assertFalse(mirrorServer.requests(other.path()).isEmpty(), "the mirror was asked");
        TimelineEntry left = mirrorsLeft(done.id()).getFirst();
        assertTrue(left.facts().get("url").endsWith(other.path()), left.toString());
        assertFalse(fixture.service().timeline(done.id()).stream()
                .anyMatch(entry -> entry.kind() == TimelineEntry.Kind.RESTART), "the bytes were never given up");
    }

    @Test
    void aUrlMuchSlowerThanTheMirrorIsLeftForIt() throws Exception {
        long size = 24L << 20;
        TestFile slow = server.addFile("/pub/slow.bin", size, 74).throttle(250_000);
        TestFile fast = mirrorServer.addFile("/mirror/slow.bin", size, 74).throttle(2_500_000).etagSalt("-fast");
        URI mirror = atMirror(fast);

        Transfer done = fixture.awaitState(download(slow, fast).id(), TransferState.COMPLETED);

        assertEquals(slow.sha256(), sha256(done.file().orElseThrow()));
        TimelineEntry left = mirrorsLeft(done.id()).getFirst();
        assertTrue(left.facts().get("url").endsWith(slow.path()), left.toString());
        assertTrue(left.facts().get("reason").startsWith("slow: "), left.toString());
        assertEquals(mirror, done.url(), "the transfer goes on from the faster mirror");
        assertTrue(slow.bytesServed() < size / 4, "the slow URL served " + slow.bytesServed());
    }
}
