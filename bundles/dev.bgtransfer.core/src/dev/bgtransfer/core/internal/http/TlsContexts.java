package dev.bgtransfer.core.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS trust of the service: the JDK's trust store, plus the certificates of one file when the
 * person names one (to trust a company's or a test server's certificate). Never trust-all: every
 * chain is checked by the JDK's trust manager, and host names by endpoint identification.
 */
final class TlsContexts {

    private TlsContexts() {
    }

    /**
     * @param extraCertificates a PEM or DER file of X.509 certificates to trust as well, or {@code null}
     * @throws IllegalArgumentException when the file cannot be read as certificates
     */
    static SSLContext create(Path extraCertificates) {
        try {
            if (extraCertificates == null) {
                return SSLContext.getDefault();
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int alias = 0;
            for (X509Certificate jdk : jdkTrustManager().getAcceptedIssuers()) {
                trusted.setCertificateEntry("jdk-" + alias++, jdk);
            }
            try (InputStream in = Files.newInputStream(extraCertificates)) {
                for (Certificate extra : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    trusted.setCertificateEntry("extra-" + alias++, extra);
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException unusable) {
            throw new IllegalArgumentException("Cannot use the certificates in " + extraCertificates + ": "
                    + unusable.getMessage(), unusable);
        }
    }

    private static X509TrustManager jdkTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("The JDK has no X.509 trust manager");
    }
}
