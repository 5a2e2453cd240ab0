package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestCertificate;
import dev.bgtransfer.junit.TestHttpServer;

/**
 * With no certificates named, the service trusts what the JDK trusts, loaded by its first https
 * connection (after plain-http transfers ran): a certificate the JDK does not know is refused.
 */
class JdkTrustTest extends ServiceTest {
    @TempDir
    Path certificates;

    @Test
    void aCertificateTheJdkDoesNotTrustIsRefusedAfterPlainTransfers() throws Exception {
        try (TestHttpServer secure = TestHttpServer.startHttps(TestCertificate.selfSigned(certificates, "ip:127.0.0.1"))) {
            Transfer first = fixture.service()
                    .download(TransferRequest.of(server.uri(server.addFile("/plain.bin", 1_000, 3).path()), folder));
            fixture.awaitState(first.id(), TransferState.COMPLETED);

            Transfer started = fixture.service().download(
                    TransferRequest.of(secure.uri(secure.addFile("/secure.bin", 1_000, 4).path()), folder));
            TransferFailure failure = fixture.awaitState(started.id(), TransferState.FAILED).failure().orElseThrow();

            assertEquals(TransferFailure.Kind.TLS, failure.kind());
            assertTrue(failure.message().contains("its certificate is not trusted"), failure.message());
            assertEquals(0, secure.requests().size(), "no request may cross an untrusted connection");
            assertEquals(List.of("plain.bin"), list(folder));
        }
    }
}
