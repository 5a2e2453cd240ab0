package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.PasswordAuthentication;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.internal.http.ProxyFinder;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestCertificate;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TestHosts;
import dev.bgtransfer.junit.TestHttpServer;
import dev.bgtransfer.junit.TestProxyServer;
import dev.bgtransfer.junit.TestProxyServer.ProxiedRequest;
import dev.bgtransfer.junit.TransferFixture;

/**
 * Downloads through a real forwarding proxy on loopback, named by the JDK's proxy properties, as a
 * process without the platform's proxy service has them (that service is stopped meanwhile).
 */
class SystemProxyTest extends ServiceTest {
    private static final String TRUSTED_CERTIFICATES = "dev.bgtransfer.trustedCertificates";
    private static final List<String> PROXY_PROPERTIES = List.of("http.proxyHost", "http.proxyPort",
            "https.proxyHost", "https.proxyPort", "http.nonProxyHosts", "http.proxyUser", "http.proxyPassword",
            "https.proxyUser", "https.proxyPassword");
    private static final PasswordAuthentication ALICE = new PasswordAuthentication("alice", "s3cret!".toCharArray());
    private static final String PROXY_AUTHORIZATION = "Basic cHJveHktdXNlcjpwcm94eSBzZWNyZXQ="; // proxy-user:proxy secret

    @TempDir
    static Path certificates;
    private static TestCertificate forLoopback;
    private static TestCertificate forAnotherHost;
    /** For the test origin's name and both loopback addresses; trusted. */
    private static TestCertificate forTheNames;

    private TestProxyServer proxy;

    @BeforeAll
    static void trustTheTestCertificatesWithoutThePlatformProxies() throws Exception {
        forLoopback = TestCertificate.selfSigned(certificates, "ip:127.0.0.1");
        forAnotherHost = TestCertificate.selfSigned(certificates, "dns:wrong.example");
        forTheNames = TestCertificate.selfSigned(certificates, "dns:" + TestHosts.ORIGIN, "ip:127.0.0.1", "ip:::1");
        Path trusted = certificates.resolve("trusted.pem");
        Files.writeString(trusted, forLoopback.pem() + forAnotherHost.pem() + forTheNames.pem(),
                StandardCharsets.US_ASCII);
        TestHosts.requireNames();
        System.setProperty(TRUSTED_CERTIFICATES, trusted.toString());
        TransferFixture.restartService();
        // activated first: its activation starts the platform's proxy service
        new TransferFixture().close();
        PlatformProxies.stop();
    }

    @AfterAll
    static void restoreTheService() {
        System.clearProperty(TRUSTED_CERTIFICATES);
        PlatformProxies.start();
        TransferFixture.restartService();
    }

    @BeforeEach
    void startProxy() throws Exception {
        proxy = TestProxyServer.start();
        useProxyAt(proxy.port());
    }

    @AfterEach
    void stopProxy() {
        PROXY_PROPERTIES.forEach(System::clearProperty);
        proxy.close();
    }

    /** Every http and https URL goes through the proxy on loopback at {@code port}, loopback ones too. */
    private static void useProxyAt(int port) {
        useProxyAt("127.0.0.1", port);
    }

    /** Every http and https URL goes through the proxy {@code host} names, loopback ones too. */
    private static void useProxyAt(String host, int port) {
        for (String scheme : List.of("http", "https")) {
            System.setProperty(scheme + ".proxyHost", host);
            System.setProperty(scheme + ".proxyPort", String.valueOf(port));
        }
        // the JDK leaves loopback out unless this is empty
        System.setProperty("http.nonProxyHosts", "");
    }

    private Transfer download(URI url, TransferState end) {
        Transfer started = fixture.service().download(TransferRequest.of(url, folder));
        return fixture.awaitState(started.id(), end);
    }

    private List<String> proxied() {
        return proxy.requests().stream().map(request -> request.method() + " " + request.target()).toList();
    }

    @Test
    void aDownloadGoesThroughTheProxyWithTheAbsoluteUrl() throws Exception {
        TestFile file = server.addFile("/files/proxied.bin", 1_000_000, 301);

        Transfer done = download(server.uri(file.path()), TransferState.COMPLETED);

        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(List.of("GET " + server.uri(file.path())), proxied());
        assertEquals(file.path(), server.requests(file.path()).getFirst().path(), "the server got it in origin form");
        TimelineEntry request = fixture.service().timeline(done.id()).stream()
                .filter(entry -> entry.kind() == TimelineEntry.Kind.REQUEST).findFirst().orElseThrow();
        assertEquals("127.0.0.1:" + proxy.port(), request.facts().get("proxy"), "through which proxy");
    }

    @Test
    void httpsGoesThroughATunnelCheckedAgainstTheServer() throws Exception {
        try (TestHttpServer secure = TestHttpServer.startHttps(forLoopback)) {
            TestFile file = secure.addFile("/secure/tunnelled.bin", 1_000_000, 302);

            Transfer done = download(secure.uri(file.path()), TransferState.COMPLETED);

            assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
            assertEquals(List.of("CONNECT 127.0.0.1:" + secure.port()), proxied());
            assertEquals(1, secure.requests(file.path()).size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { TestHosts.ORIGIN, "127.0.0.1", TestHosts.IPV6_LOOPBACK })
    void httpsByNameOrAddressGoesThroughATunnelToHostAndPort(String host) throws Exception {
        useProxyAt(TestHosts.PROXY, proxy.port());
        try (TestHttpServer secure = TestHttpServer.startHttps(forTheNames, TestHosts.addressOf(host))) {
            TestFile file = secure.addFile("/secure/named.bin", 1_000_000, 312);
            URI url = secure.uri(host, file.path());

            Transfer done = download(url, TransferState.COMPLETED);

            assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
            String authority = url.getRawAuthority();
            assertEquals(List.of("CONNECT " + authority), proxied(), "the request line names host and port");
            assertEquals(authority, proxy.requests().getFirst().header("Host").orElseThrow());
            assertEquals(1, secure.requests().size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { TestHosts.ORIGIN, TestHosts.IPV6_LOOPBACK })
    void httpByNameOrAddressGoesThroughTheProxyWithTheAbsoluteUrl(String host) throws Exception {
        useProxyAt(TestHosts.PROXY, proxy.port());
        try (TestHttpServer origin = TestHttpServer.start(TestHosts.addressOf(host))) {
            TestFile file = origin.addFile("/files/named.bin", 300_000, 313);
            URI url = origin.uri(host, file.path());

            Transfer done = download(url, TransferState.COMPLETED);

            assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
            assertEquals(List.of("GET " + url), proxied());
            assertEquals(url.getRawAuthority(), origin.requests(file.path()).getFirst().header("Host").orElseThrow());
        }
    }

    @Test
    void aCertificateForAnotherNameIsRefusedThroughTheTunnel() throws Exception {
        useProxyAt(TestHosts.PROXY, proxy.port());
        try (TestHttpServer secure = TestHttpServer.startHttps(forTheNames)) {
            TestFile file = secure.addFile("/secure/misnamed.bin", 1_000, 314);

            TransferFailure failure = download(secure.uri(TestHosts.OTHER_ORIGIN, file.path()), TransferState.FAILED)
                    .failure().orElseThrow();

            assertEquals(TransferFailure.Kind.TLS, failure.kind());
            assertEquals("The secure connection to " + TestHosts.OTHER_ORIGIN
                    + " failed: its certificate is for another host name.", failure.message());
            assertEquals(List.of("CONNECT " + TestHosts.OTHER_ORIGIN + ":" + secure.port()), proxied());
            assertEquals(0, secure.requests().size(), "no request may cross an unchecked tunnel");
        }
    }

    @Test
    void aTunnelTheProxyRefusesFailsWithItsStatus() throws Exception {
        useProxyAt(TestHosts.PROXY, proxy.port());
        proxy.refuseTunnels("403 Forbidden");
        try (TestHttpServer secure = TestHttpServer.startHttps(forTheNames)) {
            TransferFailure failure = failureByName(secure, "/secure/forbidden.bin", 315);

            assertEquals(TransferFailure.Kind.HTTP_STATUS, failure.kind());
            assertEquals("The proxy at " + TestHosts.PROXY + ":" + proxy.port() + " answered 403 Forbidden when asked"
                    + " to connect to " + TestHosts.ORIGIN + ":" + secure.port() + ".", failure.message());
            assertEquals(0, secure.requests().size());
        }
    }

    @Test
    void aProxyThatNeverAnswersTheTunnelRequestIsSaidAsSuch() throws Exception {
        fixture.service().setOptions(fixture.service().options().withStallTimeout(Duration.ofSeconds(1))
                .withRetries(0, Duration.ofSeconds(1)));
        try (ServerSocket silent = new ServerSocket(0, 5, TestHosts.ipv4Loopback());
                TestHttpServer secure = TestHttpServer.startHttps(forTheNames)) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> acceptSilently(silent, accepted));
            useProxyAt(TestHosts.PROXY, silent.getLocalPort());
            TransferFailure failure = failureByName(secure, "/secure/unanswered.bin", 316);

            assertEquals(TransferFailure.Kind.NETWORK, failure.kind());
            assertEquals("The proxy at " + TestHosts.PROXY + ":" + silent.getLocalPort() + " did not answer within 1 s"
                    + " when asked to connect to " + TestHosts.ORIGIN + ":" + secure.port() + ".", failure.message());
            assertEquals(1, accepted.size(), "it took the connection");
        }
    }

    /** @return why a download of a new small file at {@code secure}, by the origin's name, failed */
    private TransferFailure failureByName(TestHttpServer secure, String path, long seed) {
        TestFile file = secure.addFile(path, 1_000, seed);
        return download(secure.uri(TestHosts.ORIGIN, file.path()), TransferState.FAILED).failure().orElseThrow();
    }

    private static void acceptSilently(ServerSocket socket, List<Socket> accepted) {
        try {
            while (true) {
                accepted.add(socket.accept()); // held open, never answered
            }
        } catch (IOException closed) {
            accepted.forEach(SystemProxyTest::closeQuietly);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Test
    void aCertificateForAnotherHostIsRefusedThroughTheTunnel() throws Exception {
        try (TestHttpServer secure = TestHttpServer.startHttps(forAnotherHost)) {
            TestFile file = secure.addFile("/secure/wrong.bin", 1_000, 303);

            TransferFailure failure = download(secure.uri(file.path()), TransferState.FAILED).failure().orElseThrow();

            assertEquals(TransferFailure.Kind.TLS, failure.kind());
            assertEquals("The secure connection to 127.0.0.1 failed: its certificate is for another host name.",
                    failure.message());
            assertEquals(List.of("CONNECT 127.0.0.1:" + secure.port()), proxied());
            assertEquals(0, secure.requests().size(), "no request may cross an unchecked tunnel");
        }
    }

    @Test
    void aPausedDownloadResumesThroughTheProxy() throws Exception {
        TestFile file = server.addFile("/files/resumed.bin", 4_000_000, 304).throttle(1_000_000);
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitBytes(started.id(), 300_000);
        fixture.service().pause(started.id());
        Transfer paused = fixture.awaitState(started.id(), TransferState.PAUSED);

        file.throttle(0);
        fixture.service().start(started.id());
        Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);

        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        List<ProxiedRequest> requests = proxy.requests();
        assertEquals(2, requests.size(), proxied().toString());
        assertEquals("bytes=" + paused.bytesReceived() + "-", requests.get(1).header("Range").orElseThrow());
        assertEquals(file.etag(), requests.get(1).header("If-Range").orElseThrow());
        assertEquals(paused.bytesReceived(), server.requests(file.path()).getLast().rangeStart().orElseThrow());
    }

    @Test
    void aRedirectIsFollowedThroughTheProxy() throws Exception {
        TestFile file = server.addFile("/files/new.bin", 100_000, 305);
        server.addRedirect("/files/old.bin", 302, file.path());

        Transfer done = download(server.uri("/files/old.bin"), TransferState.COMPLETED);

        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(List.of("GET " + server.uri("/files/old.bin"), "GET " + server.uri(file.path())), proxied());
    }

    @Test
    void aHostTheSettingsExcludeGoesDirect() throws Exception {
        System.setProperty("http.nonProxyHosts", "localhost|127.*");
        TestFile file = server.addFile("/files/direct.bin", 100_000, 306);

        Transfer done = download(server.uri(file.path()), TransferState.COMPLETED);

        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(List.of(), proxied(), "the proxy saw nothing");
    }

    @Test
    void aProxyThatWantsCredentialsStopsTheTransferWithASentence() throws Exception {
        proxy.requireCredentials("proxy-user", "proxy secret");
        String expected = "The proxy at 127.0.0.1:" + proxy.port() + " asks for a user name and password.";
        try (TestHttpServer secure = TestHttpServer.startHttps(forLoopback)) {
            TestFile plain = server.addFile("/files/plain.bin", 1_000, 307);
            TestFile tunnelled = secure.addFile("/secure/tunnelled.bin", 1_000, 308);

            for (URI url : List.of(server.uri(plain.path()), secure.uri(tunnelled.path()))) {
                TransferFailure failure = download(url, TransferState.FAILED).failure().orElseThrow();
                assertEquals(expected, failure.message(), url.toString());
                assertEquals(TransferFailure.Kind.HTTP_STATUS, failure.kind(), "not the server's credentials");
            }
            assertEquals(0, server.requests().size() + secure.requests().size());
        }
    }

    @Test
    void proxyCredentialsGoToTheProxyAndTheServersToTheServer() throws Exception {
        proxy.requireCredentials("proxy-user", "proxy secret");
        for (String scheme : List.of("http", "https")) {
            System.setProperty(scheme + ".proxyUser", "proxy-user");
            System.setProperty(scheme + ".proxyPassword", "proxy secret");
        }
        try (TestHttpServer secure = TestHttpServer.startHttps(forLoopback)) {
            TestFile open = server.addFile("/files/open.bin", 100_000, 309);
            TestFile privateFile = secure.addFile("/secure/private.bin", 200_000, 310).requireDigestAuth("alice",
                    "s3cret!");

            assertEquals(open.sha256(), sha256(download(server.uri(open.path()), TransferState.COMPLETED)
                    .file().orElseThrow()));
            Transfer added = fixture.service().add(TransferRequest.of(secure.uri(privateFile.path()), folder));
            fixture.service().authenticate(added.id(), ALICE);
            Transfer done = fixture.awaitState(added.id(), TransferState.COMPLETED);

            assertEquals(privateFile.sha256(), sha256(done.file().orElseThrow()));
            assertEquals(3, proxy.requests().size(), proxied().toString());
            for (ProxiedRequest request : proxy.requests()) {
                assertEquals(PROXY_AUTHORIZATION, request.header("Proxy-Authorization").orElse(null), request.target());
                assertFalse(request.header("Authorization").isPresent(), "the tunnel hides the server's credentials");
            }
            List<RecordedRequest> atServers = new ArrayList<>(server.requests());
            atServers.addAll(secure.requests());
            assertTrue(atServers.stream().noneMatch(request -> request.header("Proxy-Authorization").isPresent()));
            assertTrue(secure.requests().getLast().header("Authorization").orElseThrow().startsWith("Digest "));
            String timeline = fixture.service().timeline(added.id()).stream()
                    .map(entry -> entry.text() + " " + entry.toJson()).collect(Collectors.joining("\n"));
            assertTrue(timeline.contains("  proxy=127.0.0.1:" + proxy.port()), timeline);
            for (String secret : List.of("proxy secret", "proxy-user", "s3cret!", "alice", PROXY_AUTHORIZATION)) {
                assertFalse(timeline.contains(secret), "the timeline holds " + secret + ":\n" + timeline);
            }
        }
    }

    @Test
    void aProxyThatIsDownFailsNamingTheProxy() throws Exception {
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        useProxyAt(closedPort);
        TestFile file = server.addFile("/files/unreachable.bin", 1_000, 311);

        TransferFailure failure = download(server.uri(file.path()), TransferState.FAILED).failure().orElseThrow();

        assertEquals(TransferFailure.Kind.NETWORK, failure.kind());
        assertEquals("The proxy at 127.0.0.1:" + closedPort + " refused the connection.", failure.message());
        assertEquals(0, server.requests().size());
    }

    @Test
    void thePerHostLimitCountsEachServerNotTheProxy() throws Exception {
        fixture.service().setOptions(fixture.service().options().withMaxConnectionsPerHost(2));
        try (TestHttpServer other = TestHttpServer.start()) {
            List<Transfer> transfers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                for (TestHttpServer origin : List.of(server, other)) {
                    TestFile file = origin.addFile("/files/limit-" + i + ".bin", 200_000, 320 + i).throttle(1_000_000);
                    transfers.add(fixture.service().download(TransferRequest.of(origin.uri(file.path()),
                            folder.resolve(String.valueOf(origin.port())))));
                }
            }

            transfers.forEach(transfer -> fixture.awaitState(transfer.id(), TransferState.COMPLETED));

            assertEquals(8, proxy.requests().size());
            assertEquals(List.of(2, 2), Stream.of(server, other).map(TestHttpServer::peakConcurrentRequests).toList(),
                    "two at a time at each server, so four at once through the one proxy");
        }
    }

    /**
     * The platform's proxy service, stopped while these tests run so that the system's settings
     * apply. Stopped persistently: a transient stop leaves it lazy, and the next load of one of its
     * classes would start it again. The service restarts it when it is activated.
     */
    private static final class PlatformProxies {
        private static final String SYMBOLIC_NAME = "org.eclipse.core.net";
        private static final BundleContext CONTEXT = FrameworkUtil.getBundle(SystemProxyTest.class)
                .getBundleContext();

        static void stop() throws Exception {
            for (Bundle bundle : bundles()) {
                bundle.stop();
            }
            assertNull(CONTEXT.getServiceReferences(ProxyFinder.class, null).stream().findAny().orElse(null),
                    "the platform's proxy settings are out of the way");
        }

        static void start() {
            for (Bundle bundle : bundles()) {
                try {
                    bundle.start(Bundle.START_ACTIVATION_POLICY);
                } catch (Exception notStarted) {
                    throw new IllegalStateException(notStarted);
                }
            }
        }

        private static List<Bundle> bundles() {
            return Stream.of(CONTEXT.getBundles()).filter(bundle -> SYMBOLIC_NAME.equals(bundle.getSymbolicName()))
                    .toList();
        }
    }
}
