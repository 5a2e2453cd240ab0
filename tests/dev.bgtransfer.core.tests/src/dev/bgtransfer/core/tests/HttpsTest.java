package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.list;
import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestCertificate;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TestHosts;
import dev.bgtransfer.junit.TestHttpServer;
import dev.bgtransfer.junit.TransferFixture;

/**
 * HTTPS with the JDK's checks: a certificate the person chose to trust works, a certificate for
 * another host name fails even when trusted, and an unknown self-signed one fails.
 */
class HttpsTest {
    private static final String TRUSTED_CERTIFICATES = "dev.bgtransfer.trustedCertificates";
    @TempDir
    static Path certificates;
    private static TestCertificate forLoopback;
    private static TestCertificate forAnotherHost;
    private static TestCertificate unknown;
    /** For the test origin's name and both loopback addresses; trusted. */
    private static TestCertificate forTheNames;

    private TransferFixture fixture;
    @TempDir
    Path folder;

    @BeforeAll
    static void trustTwoCertificates() throws Exception {
        forLoopback = TestCertificate.selfSigned(certificates, "ip:127.0.0.1");
        forAnotherHost = TestCertificate.selfSigned(certificates, "dns:wrong.example");
        unknown = TestCertificate.selfSigned(certificates, "ip:127.0.0.1");
        forTheNames = TestCertificate.selfSigned(certificates, "dns:" + TestHosts.ORIGIN, "ip:127.0.0.1", "ip:::1");
        Path trusted = certificates.resolve("trusted.pem");
        Files.writeString(trusted, forLoopback.pem() + forAnotherHost.pem() + forTheNames.pem(),
                StandardCharsets.US_ASCII);
        TestHosts.requireNames();
        System.setProperty(TRUSTED_CERTIFICATES, trusted.toString());
        TransferFixture.restartService();
    }

    @AfterAll
    static void trustOnlyTheJdk() {
        System.clearProperty(TRUSTED_CERTIFICATES);
        TransferFixture.restartService();
    }

    @BeforeEach
    void setUp() {
        fixture = new TransferFixture();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void aTrustedCertificateForTheHostWorks() throws Exception {
        try (TestHttpServer server = TestHttpServer.startHttps(forLoopback)) {
            TestFile file = server.addFile("/secure/file.bin", 1_000_000, 81);
            assertTrue(server.uri(file.path()).toString().startsWith("https://"));

            Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
            Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);

            assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { TestHosts.ORIGIN, "127.0.0.1", TestHosts.IPV6_LOOPBACK })
    void aCertificateForTheNameOrAddressOfTheUrlWorks(String host) throws Exception {
        try (TestHttpServer server = TestHttpServer.startHttps(forTheNames, TestHosts.addressOf(host))) {
            TestFile file = server.addFile("/secure/named.bin", 500_000, 84);

            Transfer started = fixture.service().download(TransferRequest.of(server.uri(host, file.path()), folder));
            Transfer done = fixture.awaitState(started.id(), TransferState.COMPLETED);

            assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        }
    }

    @Test
    void aCertificateForAnotherNameOfTheSameAddressFails() throws Exception {
        try (TestHttpServer server = TestHttpServer.startHttps(forTheNames)) {
            TestFile file = server.addFile("/secure/misnamed.bin", 1_000, 85);

            Transfer started = fixture.service()
                    .download(TransferRequest.of(server.uri(TestHosts.OTHER_ORIGIN, file.path()), folder));
            TransferFailure failure = fixture.awaitState(started.id(), TransferState.FAILED).failure().orElseThrow();

            assertEquals(TransferFailure.Kind.TLS, failure.kind());
            assertEquals("The secure connection to " + TestHosts.OTHER_ORIGIN
                    + " failed: its certificate is for another host name.", failure.message());
            assertEquals(0, server.requests().size(), "no request may cross an unchecked connection");
        }
    }

    @Test
    void aRedirectFromHttpsToPlainHttpIsRefused() throws Exception {
        try (TestHttpServer secure = TestHttpServer.startHttps(forLoopback); TestHttpServer plain = TestHttpServer.start()) {
            TestFile file = plain.addFile("/plain.bin", 1_000, 83);
            secure.addRedirect("/moved.bin", 302, plain.uri(file.path()).toString());

            Transfer started = fixture.service().download(TransferRequest.of(secure.uri("/moved.bin"), folder));
            TransferFailure failure = fixture.awaitState(started.id(), TransferState.FAILED).failure().orElseThrow();

            assertEquals(TransferFailure.Kind.REDIRECT, failure.kind());
            assertTrue(failure.message().contains("redirects to the insecure"), failure.message());
            assertEquals(0, plain.requests().size(), "nothing went out in the clear");
        }
    }

    @Test
    void aCertificateForAnotherHostFails() throws Exception {
        assertTlsFailure(forAnotherHost, "its certificate is for another host name.");
    }

    @Test
    void anUnknownSelfSignedCertificateFails() throws Exception {
        assertTlsFailure(unknown, "its certificate is not trusted");
    }

    private void assertTlsFailure(TestCertificate certificate, String expectedDetail) throws Exception {
        try (TestHttpServer server = TestHttpServer.startHttps(certificate)) {
            TestFile file = server.addFile("/secure/file.bin", 1_000, 82);

            Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
            TransferFailure failure = fixture.awaitState(started.id(), TransferState.FAILED).failure().orElseThrow();

            assertEquals(TransferFailure.Kind.TLS, failure.kind());
            assertTrue(failure.message().startsWith("The secure connection to 127.0.0.1 failed:"), failure.message());
            assertTrue(failure.message().contains(expectedDetail), failure.message());
            assertEquals(0, server.requests().size(), "no request may cross an untrusted connection");
            assertEquals(List.of(), list(folder));
        }
    }
}
