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
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.TestFile;

/**
 * A download with mirrors goes on at the next one when its URL fails, at once and with its bytes
 * where the mirror serves the same entity; it waits to retry only once every URL failed.
 */
class MirrorFailoverTest extends MirrorServerTest {
    private static final long SIZE = 3_000_000;

    private Transfer download(URI url, URI... mirrors) {
        return fixture.service().download(TransferRequest.of(url, folder).withMirrors(List.of(mirrors)));
    }

    private List<TimelineEntry> urlEntries(long id) {
        return fixture.service().timeline(id).stream().filter(entry -> entry.kind() == TimelineEntry.Kind.URL)
                .toList();
    }

    private boolean waitedToRetry(long id) {
        return fixture.service().timeline(id).stream().anyMatch(entry -> entry.kind() == TimelineEntry.Kind.RETRY);
    }

    @Test
    void aFailingUrlIsLeftForTheNextMirrorAtOnce() throws Exception {
        server.addStatus("/down/file.bin", 503);
        TestFile mirrored = mirrorServer.addFile("/pub/file.bin", SIZE, 61);
        URI mirror = atMirror(mirrored);

        Transfer done = fixture.awaitState(download(server.uri("/down/file.bin"), mirror).id(),
                TransferState.COMPLETED);

        assertEquals(mirrored.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(1, server.requests("/down/file.bin").size(), "the failing URL asked once");
        assertEquals(mirror, done.url(), "the transfer goes on from the mirror");
        assertEquals(List.of(server.uri("/down/file.bin")), done.mirrors(), "the URL left is a mirror now");
        assertFalse(waitedToRetry(done.id()), "no wait: the mirror had not failed");
        TimelineEntry moved = urlEntries(done.id()).getFirst();
        assertEquals(mirror.toString(), moved.facts().get("to"));
        assertTrue(moved.facts().get("reason").startsWith("failed: ") && moved.facts().get("reason").contains("503"),
                moved.toString());
    }

    @Test
    void theBytesGoOnFromAMirrorOfAnotherMakeThatSharesTheModificationTime() throws Exception {
        TestFile first = server.addFile("/a/big.bin", SIZE, 62).dropAfter(1_200_000);
        // another server's entity tag for the same file: only Last-Modified names both
        TestFile mirrored = mirrorServer.addFile("/b/big.bin", SIZE, 62).etagSalt("-other-make");
        assertEquals(first.lastModified(), mirrored.lastModified());

        Transfer done = fixture.awaitState(download(server.uri(first.path()), atMirror(mirrored)).id(),
                TransferState.COMPLETED);

        assertEquals(first.sha256(), sha256(done.file().orElseThrow()));
        RecordedRequest resumed = mirrorServer.requests(mirrored.path()).getFirst();
        long kept = resumed.rangeStart().orElseThrow();
        assertTrue(kept > 0, "ranged from the bytes kept: " + resumed);
        assertEquals(first.lastModified(), resumed.header("If-Range").orElseThrow(), "named by the date both share");
        assertEquals(SIZE - kept, mirrored.bytesServed(), "only the rest came from the mirror");
        assertFalse(waitedToRetry(done.id()));
    }

    @Test
    void aMirrorWithAnotherEntityStartsTheFileAgainNeverSplicing() throws Exception {
        TestFile first = server.addFile("/a/changed.bin", SIZE, 63).dropAfter(1_200_000);
        TestFile mirrored = mirrorServer.addFile("/b/changed.bin", SIZE, 63).changeContent(64);

        Transfer done = fixture.awaitState(download(server.uri(first.path()), atMirror(mirrored)).id(),
                TransferState.COMPLETED);

        assertEquals(mirrored.sha256(), sha256(done.file().orElseThrow()), "the mirror's file, whole");
        assertTrue(fixture.service().timeline(done.id()).stream()
                .anyMatch(entry -> entry.kind() == TimelineEntry.Kind.RESTART), "the timeline tells the restart");
    }

    @Test
    void onceEveryUrlFailedTheWaitGoesByAFailureAWaitMayCure() throws Exception {
        server.addStatus("/gone/file.bin", 404);
        TestFile mirrored = mirrorServer.addFile("/busy/file.bin", SIZE, 65);
        mirrorServer.failNext(mirrored.path(), 503, 1);

        Transfer done = fixture.awaitState(download(server.uri("/gone/file.bin"), atMirror(mirrored)).id(),
                TransferState.COMPLETED);

        assertEquals(mirrored.sha256(), sha256(done.file().orElseThrow()));
        TimelineEntry retry = fixture.service().timeline(done.id()).stream()
                .filter(entry -> entry.kind() == TimelineEntry.Kind.RETRY).findFirst().orElseThrow();
        assertTrue(retry.facts().get("reason").contains("503"), "the 404 alone would have ended it: " + retry);
    }

    @Test
    void whenEveryUrlKeepsFailingTheTransferFailsAfterItsRetries() throws Exception {
        server.addStatus("/x/file.bin", 503);
        mirrorServer.addStatus("/y/file.bin", 503);

        Transfer failed = fixture.awaitState(
                download(server.uri("/x/file.bin"), atMirror("/y/file.bin")).id(),
                TransferState.FAILED);

        assertEquals(TransferFailure.Kind.HTTP_STATUS, failed.failure().orElseThrow().kind());
        // the fixture allows two retries: three rounds of both URLs, each URL asked once a round
        assertEquals(3, server.requests("/x/file.bin").size());
        assertEquals(3, mirrorServer.requests("/y/file.bin").size());
    }
}
