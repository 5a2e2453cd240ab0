package dev.bgtransfer.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bgtransfer.junit.TestCertificate;
import dev.bgtransfer.junit.TestHttpServer;

/** The TLS trust is made by the first connection that needs it, once, and then serves every connection. */
class DeferredTlsSocketFactoryTest {
    @TempDir
    Path certificates;

    @Test
    void theTrustIsMadeByTheFirstConnectionAndOnlyOnce() throws Exception {
        TestCertificate certificate = TestCertificate.selfSigned(certificates, "ip:127.0.0.1");
        AtomicInteger made = new AtomicInteger();
        DeferredTlsSocketFactory factory = new DeferredTlsSocketFactory(() -> {
            made.incrementAndGet();
            return trusting(certificate);
        });
        assertEquals(0, made.get());
        assertFalse(factory.made());

        try (TestHttpServer server = TestHttpServer.startHttps(certificate)) {
            for (int connection = 0; connection < 2; connection++) {
                try (SSLSocket socket = (SSLSocket) factory.createSocket("127.0.0.1", server.port())) {
                    socket.startHandshake();
                    assertTrue(socket.getSession().getPeerPrincipal().getName().startsWith("CN=bgtransfer test"));
                }
            }
        }
        assertEquals(1, made.get());
        assertTrue(factory.made());
    }

    @Test
    void threadsThatNeedItAtTheSameTimeMakeItOnce() throws Exception {
        AtomicInteger made = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        DeferredTlsSocketFactory factory = new DeferredTlsSocketFactory(() -> {
            made.incrementAndGet();
            inside.countDown();
            pause(); // the others arrive while it is being made
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        });
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String[]>> suites = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                suites.add(threads.submit(factory::getDefaultCipherSuites));
            }
            for (Future<String[]> each : suites) {
                assertTrue(each.get().length > 0);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(0, inside.getCount());
        assertEquals(1, made.get());
    }

    private static SSLSocketFactory trusting(TestCertificate certificate) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(certificate.trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (Exception unusable) {
            throw new IllegalStateException(unusable);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
