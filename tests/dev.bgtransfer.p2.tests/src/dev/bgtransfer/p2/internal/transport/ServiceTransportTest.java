package dev.bgtransfer.p2.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.preferences.ConfigurationScope;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.internal.p2.metadata.ArtifactKey;
import org.eclipse.equinox.internal.p2.repository.Transport;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.metadata.Version;
import org.eclipse.equinox.p2.repository.artifact.IArtifactDescriptor;
import org.eclipse.equinox.p2.repository.artifact.spi.ArtifactDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.p2.P2TransportPreferences;

/**
 * p2's transport as p2 gets it: from a real provisioning agent, beside ECF's, against a real HTTP
 * server on loopback and the real transfer service.
 */
class ServiceTransportTest extends ServiceTest {
    private static final long SIZE = 2_000_000;
    private static final long RATE = 1_000_000;
    private static final String OUR_AGENT = "bgtransfer/";

    @TempDir
    Path agentFolder;

    private final BundleContext context = FrameworkUtil.getBundle(ServiceTransport.class).getBundleContext();
    private IProvisioningAgent agent;
    private Transport transport;

    @BeforeEach
    void createAgent() throws Exception {
        ServiceTracker<IProvisioningAgentProvider, IProvisioningAgentProvider> providers = new ServiceTracker<>(
                context, IProvisioningAgentProvider.class, null);
        providers.open();
        try {
            agent = providers.waitForService(30_000).createAgent(agentFolder.toUri());
        } finally {
            providers.close();
        }
        transport = (Transport) agent.getService(Transport.SERVICE_NAME);
    }

    @AfterEach
    void stopAgent() throws Exception {
        agent.stop();
        InstanceScope.INSTANCE.getNode(P2TransportPreferences.NODE).remove(P2TransportPreferences.ARTIFACTS_THROUGH_SERVICE);
    }

    @Test
    void p2TakesOurTransportAndOursFindsThePlatformsBehindIt() throws Exception {
        assertInstanceOf(ServiceTransport.class, transport, "ours outranks ECF's");
        Transport platform = new PlatformTransport(context, agent).get();
        assertEquals("org.eclipse.equinox.p2.transport.ecf",
                FrameworkUtil.getBundle(platform.getClass()).getSymbolicName(), "the next-ranked one, not ours");
    }

    @Test
    void anArtifactComesThroughTheServiceInItsOwnSessionCheckedAgainstItsPublishedSha256() throws Exception {
        TestFile file = server.addFile("/plugins/a_1.0.0.jar", SIZE, 1);
        URI url = server.uri(file.path());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        IStatus status = transport.downloadArtifact(url, out, descriptor("a", file.sha256()), new NullProgressMonitor());

        assertOk(status);
        assertEquals(file.sha256(), sha256(out.toByteArray()), "p2 got the bytes");
        List<RecordedRequest> requests = server.requests(file.path());
        assertEquals(1, requests.size());
        assertTrue(byUs(requests.getFirst()), requests::toString);
        Transfer added = fixture.awaitEvent(TransferEvent.Added.class, event -> event.transfer().url().equals(url))
                .transfer();
        assertEquals(ArtifactDownloads.SESSION, added.session(), "a session of its own");
        assertEquals("a 1.0.0", added.title(), "the Downloads view names the artifact");
        assertTrue(added.destinationFolder().endsWith(Path.of(".metadata", ".plugins", "dev.bgtransfer.p2", "artifacts")),
                "in the workspace's metadata: " + added.destinationFolder());
        fixture.awaitEvent(TransferEvent.Removed.class, event -> event.transfer().url().equals(url));
        assertFalse(Files.exists(added.destinationFolder().resolve("a_1.0.0.jar")),
                "p2 keeps its own copy; ours is deleted");
    }

    @Test
    void aCancelledArtifactKeepsItsBytesAndTheNextAttemptResumesRangedWithIfRange() throws Exception {
        TestFile file = server.addFile("/plugins/b_1.0.0.jar", SIZE, 2).throttle(RATE);
        URI url = server.uri(file.path());
        IArtifactDescriptor descriptor = descriptor("b", file.sha256());
        NullProgressMonitor cancelled = new NullProgressMonitor();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        CompletableFuture<IStatus> firstAttempt = CompletableFuture
                .supplyAsync(() -> transport.downloadArtifact(url, first, descriptor, cancelled));
        long id = fixture.awaitEvent(TransferEvent.Added.class, event -> event.transfer().url().equals(url))
                .transfer().id();
        fixture.awaitBytes(id, SIZE / 4);

        cancelled.setCanceled(true);

        assertEquals(IStatus.CANCEL, firstAttempt.get(30, TimeUnit.SECONDS).getSeverity());
        assertEquals(0, first.size(), "p2 gets nothing from a cancelled download");
        Transfer paused = fixture.awaitState(id, TransferState.PAUSED);
        assertTrue(paused.bytesReceived() > 0, "its bytes are kept");

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        IStatus status = transport.downloadArtifact(url, second, descriptor, new NullProgressMonitor());

        assertOk(status);
        assertEquals(file.sha256(), sha256(second.toByteArray()));
        List<RecordedRequest> requests = server.requests(file.path());
        assertEquals(2, requests.size(), requests::toString);
        assertTrue(requests.get(1).rangeStart().orElse(0) > 0, "the second asks for the rest: " + requests);
        assertEquals(file.etag(), requests.get(1).header("If-Range").orElse(null), "only if it is the same entity");
    }

    @Test
    void aPauseInTheDownloadsViewHoldsP2UntilItIsStartedAgainAndAStopCancelsP2sDownload() throws Exception {
        TestFile file = server.addFile("/plugins/i_1.0.0.jar", SIZE, 9).throttle(RATE);
        URI url = server.uri(file.path());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<IStatus> waiting = CompletableFuture.supplyAsync(
                () -> transport.downloadArtifact(url, out, descriptor("i", file.sha256()), new NullProgressMonitor()));
        long id = fixture.awaitEvent(TransferEvent.Added.class, event -> event.transfer().url().equals(url))
                .transfer().id();
        fixture.awaitBytes(id, SIZE / 10);

        fixture.service().pause(id);
        fixture.awaitState(id, TransferState.PAUSED);
        Thread.sleep(500);
        assertFalse(waiting.isDone(), "p2 waits for a paused artifact");
        fixture.service().start(id);

        assertOk(waiting.get(30, TimeUnit.SECONDS));
        assertEquals(file.sha256(), sha256(out.toByteArray()));

        TestFile stopped = server.addFile("/plugins/j_1.0.0.jar", SIZE, 10).throttle(RATE);
        URI stoppedUrl = server.uri(stopped.path());
        CompletableFuture<IStatus> cancelled = CompletableFuture.supplyAsync(() -> transport.downloadArtifact(
                stoppedUrl, new ByteArrayOutputStream(), descriptor("j", stopped.sha256()), new NullProgressMonitor()));
        long stoppedId = fixture.awaitEvent(TransferEvent.Added.class,
                event -> event.transfer().url().equals(stoppedUrl)).transfer().id();
        fixture.awaitBytes(stoppedId, SIZE / 10);
        fixture.service().stop(stoppedId);
        assertEquals(IStatus.CANCEL, cancelled.get(30, TimeUnit.SECONDS).getSeverity());
        assertEquals(1, server.requests(stopped.path()).size(), "nobody else fetched it");
        fixture.awaitEvent(TransferEvent.Removed.class, event -> event.transfer().id() == stoppedId);
    }

    @Test
    void aServerThatAsksForAPasswordIsLeftToThePlatformsTransportWhichAsksThePerson() throws Exception {
        TestFile file = server.addFile("/plugins/k_1.0.0.jar", SIZE / 10, 11).requireBasicAuth("user", "secret");
        URI url = server.uri(file.path());

        IStatus status = transport.downloadArtifact(url, new ByteArrayOutputStream(), descriptor("k", file.sha256()),
                new NullProgressMonitor());

        List<RecordedRequest> requests = server.requests(file.path());
        assertTrue(byUs(requests.getFirst()), requests::toString);
        assertFalse(byUs(requests.getLast()),
                "the platform's transport asked last: " + requests);
        assertFalse(status.isOK(), "headless, nobody gives p2 a password: " + status);
        assertTrue(fixture.service().transfers().stream().noneMatch(transfer -> transfer.url().equals(url)),
                "ours is forgotten");
    }

    @Test
    void p2sMonitorHearsTheBytesAsTheyCome() throws Exception {
        TestFile file = server.addFile("/plugins/c_1.0.0.jar", SIZE, 3).throttle(RATE);
        AtomicInteger reports = new AtomicInteger();
        AtomicInteger work = new AtomicInteger();
        NullProgressMonitor monitor = new NullProgressMonitor() {
            @Override
            public void worked(int amount) {
                reports.incrementAndGet();
                work.addAndGet(amount);
            }
        };

        IStatus status = transport.downloadArtifact(server.uri(file.path()), new ByteArrayOutputStream(),
                descriptor("c", file.sha256()), monitor);

        assertOk(status);
        assertTrue(reports.get() >= 5, "progress while it downloads (about two seconds), not once: " + reports);
        assertTrue(work.get() >= 900 && work.get() <= 1000, "the download's share at least, of 1000: " + work);
    }

    @Test
    void anArtifactWhoseBytesDoNotMatchItsSha256FailsOursAndThePlatformsTransportTriesAgain() throws Exception {
        TestFile file = server.addFile("/plugins/d_1.0.0.jar", SIZE / 10, 4);
        URI url = server.uri(file.path());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        IStatus status = transport.downloadArtifact(url, out, descriptor("d", "0".repeat(64)), new NullProgressMonitor());

        TransferEvent.Failed failed = fixture.awaitEvent(TransferEvent.Failed.class,
                event -> event.transfer().url().equals(url));
        assertEquals(TransferFailure.Kind.CHECKSUM, failed.transfer().failure().orElseThrow().kind());
        List<RecordedRequest> requests = server.requests(file.path());
        assertEquals(2, requests.size(), requests::toString);
        assertTrue(byUs(requests.get(0)));
        assertFalse(byUs(requests.get(1)), "the platform's");
        // the platform's transport hands p2 the bytes; p2's own check against the descriptor decides
        assertOk(status);
        assertEquals(file.sha256(), sha256(out.toByteArray()));
    }

    @Test
    void withThePreferenceOffThePlatformsTransportDownloadsAndTurningItOnNeedsNoRestart() throws Exception {
        TestFile off = server.addFile("/plugins/e_1.0.0.jar", SIZE / 10, 5);
        TestFile on = server.addFile("/plugins/f_1.0.0.jar", SIZE / 10, 6);
        InstanceScope.INSTANCE.getNode(P2TransportPreferences.NODE)
                .putBoolean(P2TransportPreferences.ARTIFACTS_THROUGH_SERVICE, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertOk(transport.downloadArtifact(server.uri(off.path()), out, descriptor("e", off.sha256()),
                new NullProgressMonitor()));

        assertEquals(off.sha256(), sha256(out.toByteArray()));
        assertFalse(firstFetchedByUs(off));
        assertTrue(fixture.events(TransferEvent.Added.class).stream()
                .noneMatch(event -> event.transfer().url().equals(server.uri(off.path()))), "no transfer of ours");

        InstanceScope.INSTANCE.getNode(P2TransportPreferences.NODE).remove(P2TransportPreferences.ARTIFACTS_THROUGH_SERVICE);
        assertOk(transport.downloadArtifact(server.uri(on.path()), new ByteArrayOutputStream(),
                descriptor("f", on.sha256()), new NullProgressMonitor()));
        assertTrue(firstFetchedByUs(on),
                "the same transport, the next artifact");
    }

    @Test
    void anAdministratorTurnsItOffForTheInstallationAndAPersonsWorkspaceSettingWins() throws Exception {
        TestFile off = server.addFile("/plugins/l_1.0.0.jar", SIZE / 10, 12);
        TestFile on = server.addFile("/plugins/m_1.0.0.jar", SIZE / 10, 13);
        ConfigurationScope.INSTANCE.getNode(P2TransportPreferences.NODE)
                .putBoolean(P2TransportPreferences.ARTIFACTS_THROUGH_SERVICE, false);
        try {
            assertOk(transport.downloadArtifact(server.uri(off.path()), new ByteArrayOutputStream(),
                    descriptor("l", off.sha256()), new NullProgressMonitor()));
            InstanceScope.INSTANCE.getNode(P2TransportPreferences.NODE)
                    .putBoolean(P2TransportPreferences.ARTIFACTS_THROUGH_SERVICE, true);
            assertOk(transport.downloadArtifact(server.uri(on.path()), new ByteArrayOutputStream(),
                    descriptor("m", on.sha256()), new NullProgressMonitor()));
        } finally {
            ConfigurationScope.INSTANCE.getNode(P2TransportPreferences.NODE)
                    .remove(P2TransportPreferences.ARTIFACTS_THROUGH_SERVICE);
        }

        assertFalse(firstFetchedByUs(off),
                "the configuration scope's off");
        assertTrue(firstFetchedByUs(on),
                "the workspace's on");
    }

    @Test
    void metadataAndFileUrlsGoToThePlatformsTransport() throws Exception {
        TestFile metadata = server.addFile("/content.xml", 5_000, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertOk(transport.download(server.uri(metadata.path()), out, new NullProgressMonitor()));

        assertEquals(metadata.sha256(), sha256(out.toByteArray()));
        assertFalse(firstFetchedByUs(metadata));

        Path local = folder.resolve("g_1.0.0.jar");
        Files.write(local, new byte[] { 1, 2, 3 });
        ByteArrayOutputStream fromFile = new ByteArrayOutputStream();
        assertOk(transport.downloadArtifact(local.toUri(), fromFile, descriptor("g", sha256(new byte[] { 1, 2, 3 })),
                new NullProgressMonitor()));
        assertEquals(3, fromFile.size());
        assertTrue(fixture.events(TransferEvent.Added.class).isEmpty(), "no transfer of ours for either");
    }

    @Test
    void p2sProtocolRulesHoldForOurDownloadsToo() throws Exception {
        TestFile file = server.addFile("/plugins/h_1.0.0.jar", SIZE / 10, 8);
        Map<String, Transport.ProtocolRule> blockHttp = new HashMap<>();
        blockHttp.put("http", Transport.ProtocolRule.BLOCK);
        transport.setProtocolRules(blockHttp);
        try {
            IStatus status = transport.downloadArtifact(server.uri(file.path()), new ByteArrayOutputStream(),
                    descriptor("h", file.sha256()), new NullProgressMonitor());

            assertEquals(IStatus.ERROR, status.getSeverity(), "p2's answer to a blocked location");
            assertTrue(server.requests(file.path()).isEmpty(), "nobody asked the server");
            assertTrue(fixture.events(TransferEvent.Added.class).isEmpty(), "no transfer of ours");
        } finally {
            blockHttp.put("http", null); // back to p2's default
            transport.setProtocolRules(blockHttp);
        }
    }

    /** @return whether the first request for {@code file} came from bgtransfer (else the platform's transport) */
    private boolean firstFetchedByUs(TestFile file) {
        return byUs(server.requests(file.path()).getFirst());
    }

    private static boolean byUs(RecordedRequest request) {
        return request.header("User-Agent").orElse("").startsWith(OUR_AGENT);
    }

    private static void assertOk(IStatus status) {
        assertTrue(status.isOK(), () -> status + (status.getException() == null ? "" : " " + status.getException()));
    }

    private static IArtifactDescriptor descriptor(String id, String sha256) {
        ArtifactDescriptor descriptor = new ArtifactDescriptor(new ArtifactKey("osgi.bundle", id, Version.create("1.0.0")));
        descriptor.setProperty(ServiceTransport.DOWNLOAD_SHA256, sha256);
        return descriptor;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
