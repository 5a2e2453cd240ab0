package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.UrlRefresher;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;

/**
 * A download's URL changed by a person ({@code changeUrl}) or refreshed by a plug-in's
 * {@link UrlRefresher} when its link expired: the bytes are kept where the new URL serves the same
 * entity, and never spliced with another one.
 */
class UrlChangeTest extends ServiceTest {
    private static final long SIZE = 4_000_000;
    private static final long RATE = 1_000_000;
    private final List<ServiceRegistration<UrlRefresher>> registrations = new ArrayList<>();

    @AfterEach
    void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
    }

    private Transfer pausedAfterSomeBytes(TestFile file) {
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitBytes(started.id(), 300_000);
        fixture.service().pause(started.id());
        return fixture.awaitState(started.id(), TransferState.PAUSED);
    }

    /** Registers a refresher that answers {@code fresh} and records what it was asked. */
    private List<String> refresher(URI fresh) {
        List<String> asked = new CopyOnWriteArrayList<>();
        registrations.add(FrameworkUtil.getBundle(getClass()).getBundleContext().registerService(UrlRefresher.class,
                (transfer, reason) -> {
                    asked.add(transfer.url().getPath() + " " + reason);
                    return Optional.of(fresh);
                }, null));
        return asked;
    }

    @Test
    void aPausedDownloadGivenANewUrlOfTheSameFileContinuesRangedFromThere() throws Exception {
        TestFile old = server.addFile("/old/same.bin", SIZE, 41).throttle(RATE);
        TestFile moved = server.addFile("/new/same.bin", SIZE, 41);
        Transfer paused = pausedAfterSomeBytes(old);

        Transfer changed = fixture.service().changeUrl(paused.id(), server.uri(moved.path()));
        assertEquals(server.uri(moved.path()), changed.url());
        assertEquals(TransferState.PAUSED, changed.state(), "a paused transfer stays paused until started");
        assertEquals(server.uri(moved.path()), fixture.service().get(paused.id()).orElseThrow().url());
        fixture.service().start(paused.id());
        Transfer done = fixture.awaitState(paused.id(), TransferState.COMPLETED);

        RecordedRequest resumed = server.requests(moved.path()).getFirst();
        assertEquals(paused.bytesReceived(), resumed.rangeStart().orElseThrow(), "ranged, from the bytes kept");
        assertEquals(moved.etag(), resumed.header("If-Range").orElseThrow());
        assertEquals(1, server.requests(moved.path()).size());
        assertEquals(1, server.requests(old.path()).size(), "the old URL was not asked again");
        assertEquals(moved.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(server.uri(moved.path()), done.url());
        assertTrue(fixture.service().timeline(paused.id()).stream().anyMatch(entry -> entry.kind() == TimelineEntry.Kind.URL
                && "changed".equals(entry.facts().get("reason"))), "the timeline tells the change");
    }

    @Test
    void aNewUrlOfAnotherFileStartsFromZeroNeverSplicing() throws Exception {
        TestFile old = server.addFile("/old/first.bin", SIZE, 42).throttle(RATE);
        TestFile other = server.addFile("/new/other.bin", SIZE, 43);
        Transfer paused = pausedAfterSomeBytes(old);

        fixture.service().changeUrl(paused.id(), server.uri(other.path()));
        fixture.service().start(paused.id());
        Transfer done = fixture.awaitState(paused.id(), TransferState.COMPLETED);

        assertEquals(other.sha256(), sha256(done.file().orElseThrow()), "the new URL's file, whole");
        assertEquals(SIZE, other.bytesServed(), "its every byte came from the new URL");
    }

    @Test
    void aRunningDownloadGivenANewUrlGoesOnThereWithItsBytes() throws Exception {
        TestFile old = server.addFile("/old/running.bin", SIZE, 44).throttle(RATE);
        TestFile moved = server.addFile("/new/running.bin", SIZE, 44);
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(old.path()), folder));
        fixture.awaitBytes(started.id(), 300_000);

        fixture.service().changeUrl(started.id(), server.uri(moved.path()));
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);

        assertTrue(server.requests(moved.path()).getFirst().rangeStart().orElseThrow() > 0,
                "ranged: " + server.requests(moved.path()));
        assertEquals(moved.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(server.uri(moved.path()), done.url());
    }

    @Test
    void whatCannotBeChangedIsRefusedWithASentence() throws Exception {
        TestFile small = server.addFile("/files/small.bin", 1000, 45);
        Transfer done = fixture.service().download(TransferRequest.of(server.uri(small.path()), folder));
        fixture.awaitState(done.id(), TransferState.COMPLETED);
        Transfer added = fixture.service().add(TransferRequest.of(server.uri("/files/later.bin"), folder));

        assertEquals("Transfer " + done.id() + " is complete: its URL can no longer be changed",
                assertThrows(IllegalArgumentException.class,
                        () -> fixture.service().changeUrl(done.id(), server.uri("/x"))).getMessage());
        assertEquals("Only http and https URLs can be transferred, not ftp.", assertThrows(IllegalArgumentException.class,
                () -> fixture.service().changeUrl(added.id(), URI.create("ftp://example.org/a"))).getMessage());
        assertEquals("There is no transfer with id 999999", assertThrows(IllegalArgumentException.class,
                () -> fixture.service().changeUrl(999_999, server.uri("/x"))).getMessage());
        assertEquals(server.uri("/files/later.bin"), fixture.service().get(added.id()).orElseThrow().url());
    }

    @Test
    void aLinkThatTurnsForbiddenIsRefreshedAndTheBytesKept() throws Exception {
        TestFile old = server.addFile("/signed/a.bin", SIZE, 46).throttle(RATE);
        TestFile fresh = server.addFile("/signed/a-fresh.bin", SIZE, 46);
        List<String> asked = refresher(server.uri(fresh.path()));
        Transfer paused = pausedAfterSomeBytes(old);
        server.remove(old.path());
        server.addStatus(old.path(), 403);

        fixture.service().start(paused.id());
        Transfer done = fixture.awaitState(paused.id(), TransferState.COMPLETED);

        assertEquals(List.of("/signed/a.bin FORBIDDEN"), asked);
        assertTrue(fixture.service().timeline(paused.id()).stream().anyMatch(entry -> entry.kind() == TimelineEntry.Kind.URL
                && entry.facts().get("to").equals(server.uri(fresh.path()).toString())
                && "forbidden".equals(entry.facts().get("reason"))), "the timeline tells the refresh");
        assertEquals(paused.bytesReceived(), server.requests(fresh.path()).getFirst().rangeStart().orElseThrow());
        assertEquals(fresh.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(server.uri(fresh.path()), done.url(), "the fresh URL is the transfer's from now on");
    }

    @Test
    void anExpiredSignedLinkIsRefreshedBeforeItIsAsked() throws Exception {
        TestFile fresh = server.addFile("/signed/b-fresh.bin", 500_000, 47);
        List<String> asked = refresher(server.uri(fresh.path()));
        String expired = "/signed/b.bin?X-Amz-Date=20200101T000000Z&X-Amz-Expires=3600&X-Amz-Signature=00";

        Transfer started = fixture.service().download(TransferRequest.of(server.uri(expired), folder));
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);

        assertEquals(List.of("/signed/b.bin EXPIRED"), asked);
        assertEquals(List.of(), server.requests("/signed/b.bin"), "the expired link was never sent");
        assertEquals(fresh.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void aRefresherThatOnlyGivesDeadLinksCannotHoldATransferInALoop() throws Exception {
        server.addStatus("/gone/c.bin", 410);
        server.addStatus("/gone/c-also.bin", 410);
        List<String> asked = refresher(server.uri("/gone/c-also.bin"));
        List<String> second = new CopyOnWriteArrayList<>();
        registrations.add(FrameworkUtil.getBundle(getClass()).getBundleContext().registerService(UrlRefresher.class,
                (transfer, reason) -> {
                    second.add(transfer.url().getPath());
                    return Optional.of(server.uri("/gone/c.bin"));
                }, null));

        Transfer started = fixture.service().download(TransferRequest.of(server.uri("/gone/c.bin"), folder));
        Transfer failed = fixture.awaitState(started.id(), TransferState.FAILED);

        assertTrue(failed.failure().orElseThrow().message().contains("410"), failed.failure().toString());
        // the first request and three refreshed ones; a refresher answering with the URL that failed is passed over
        assertEquals(4, server.requests().size(), server.requests().toString());
        assertEquals(List.of("/gone/c.bin GONE", "/gone/c-also.bin GONE", "/gone/c.bin GONE"), asked);
        assertEquals(List.of("/gone/c-also.bin"), second);
    }
}
