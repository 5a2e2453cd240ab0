package dev.bgtransfer.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed RSA certificate and its private key in a PKCS12 key store, made by the JDK's
 * {@code keytool}, for {@link TestHttpServer#startHttps(TestCertificate)}. Valid for two days.
 *
 * <pre>{@code
 * TestCertificate cert = TestCertificate.selfSigned(tempDir, "ip:127.0.0.1");
 * try (TestHttpServer server = TestHttpServer.startHttps(cert)) {
 *     TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
 *     tmf.init(cert.trustStore());
 *     SSLContext client = SSLContext.getInstance("TLS");
 *     client.init(null, tmf.getTrustManagers(), null);
 *     ...
 * }
 * }</pre>
 *
 * Instances are immutable and thread-safe.
 */
public final class TestCertificate {

    private static final String ALIAS = "bgtransfer-test";
    private static final String DISTINGUISHED_NAME = "CN=bgtransfer test, O=bgtransfer";
    private static final String STORE_TYPE = "PKCS12";
    private static final String PASSWORD = "bgtransfer-test";
    private static final String DEFAULT_SUBJECT_ALT_NAME = "ip:127.0.0.1";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 120;

    private final Path keyStoreFile;
    private final X509Certificate certificate;
    private final SSLContext serverContext;
    private final List<String> subjectAltNames;

    private TestCertificate(Path keyStoreFile, X509Certificate certificate, SSLContext serverContext,
            List<String> subjectAltNames) {
        this.keyStoreFile = keyStoreFile;
        this.certificate = certificate;
        this.serverContext = serverContext;
        this.subjectAltNames = subjectAltNames;
    }

    /**
     * Creates a new RSA 2048 key pair and a self-signed certificate for it, valid for two days, by
     * running {@code keytool -genkeypair} of the running JDK. The key store is written to a new
     * file {@code test-cert-<uuid>.p12} in {@code workDir}, so several certificates can share a
     * directory.
     *
     * @param workDir         the directory for the key store; created if missing
     * @param subjectAltNames the subject alternative names in keytool syntax, one per argument, e.g.
     *                        {@code "ip:127.0.0.1"} or {@code "dns:localhost"}; none means
     *                        {@code "ip:127.0.0.1"}, the address {@link TestHttpServer} listens on
     * @return the certificate
     * @throws IOException if keytool cannot be run, fails (the message carries its output) or the
     *                     key store it wrote cannot be loaded
     */
    public static TestCertificate selfSigned(Path workDir, String... subjectAltNames) throws IOException {
        Objects.requireNonNull(workDir, "workDir");
        final List<String> names = new ArrayList<>();
        for (String name : subjectAltNames) {
            Objects.requireNonNull(name, "subjectAltName");
            if (name.isBlank()) {
                throw new IllegalArgumentException("Blank subject alternative name");
            }
            names.add(name.strip());
        }
        if (names.isEmpty()) {
            names.add(DEFAULT_SUBJECT_ALT_NAME);
        }
        Files.createDirectories(workDir);
        final Path file = workDir.resolve("test-cert-" + UUID.randomUUID() + ".p12").toAbsolutePath();
        runKeytool(workDir, List.of(keytool().toString(), "-genkeypair",
                "-alias", ALIAS,
                "-keyalg", "RSA",
                "-keysize", "2048",
                "-validity", "2",
                "-dname", DISTINGUISHED_NAME,
                "-ext", "SAN=" + String.join(",", names),
                "-storetype", STORE_TYPE,
                "-keystore", file.toString(),
                "-storepass", PASSWORD,
                "-keypass", PASSWORD,
                "-noprompt"));
        try {
            final KeyStore keyStore = KeyStore.getInstance(STORE_TYPE);
            try (InputStream in = Files.newInputStream(file)) {
                keyStore.load(in, PASSWORD.toCharArray());
            }
            final Certificate cert = keyStore.getCertificate(ALIAS);
            if (!(cert instanceof X509Certificate x509)) {
                throw new IOException("No X.509 certificate under alias " + ALIAS + " in " + file);
            }
            final KeyManagerFactory keyManagers = KeyManagerFactory
                    .getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore, PASSWORD.toCharArray());
            final SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return new TestCertificate(file, x509, context, List.copyOf(names));
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot load the key store " + file + ": " + e, e);
        }
    }

    /** @return {@code $JAVA_HOME/bin/keytool} of the running JDK ({@code keytool.exe} on Windows) */
    private static Path keytool() {
        final Path bin = Path.of(System.getProperty("java.home"), "bin");
        final Path windows = bin.resolve("keytool.exe");
        return Files.isRegularFile(windows) ? windows : bin.resolve("keytool");
    }

    /**
     * Runs keytool with stdin closed and its combined output captured in a temporary file, which
     * avoids blocking on a full pipe and allows a timeout.
     */
    private static void runKeytool(Path workDir, List<String> command) throws IOException {
        final Path log = Files.createTempFile(workDir, "keytool-", ".log");
        try {
            final Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            process.getOutputStream().close();
            final boolean finished;
            try {
                finished = process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while waiting for keytool");
            }
            if (!finished) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s: "
                        + command.get(0) + "; output: " + output(log));
            }
            if (process.exitValue() != 0) {
                throw new IOException("keytool failed with exit code " + process.exitValue() + ": "
                        + output(log));
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String output(Path log) {
        try {
            return new String(Files.readAllBytes(log), nativeCharset()).strip();
        } catch (IOException e) {
            return "(output unavailable: " + e + ")";
        }
    }

    /** keytool writes in the platform's native encoding, which may differ from file.encoding. */
    private static Charset nativeCharset() {
        try {
            return Charset.forName(System.getProperty("native.encoding", Charset.defaultCharset().name()));
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }

    /**
     * @return an SSL context presenting this certificate and key, for a server; shared, do not
     *         re-initialise it
     */
    public SSLContext serverContext() {
        return serverContext;
    }

    /**
     * @return a new in-memory PKCS12 key store holding only this certificate as a trusted entry, for
     *         a {@code TrustManagerFactory} of a client that trusts exactly this certificate
     */
    public KeyStore trustStore() {
        try {
            final KeyStore store = KeyStore.getInstance(STORE_TYPE);
            store.load(null, null);
            store.setCertificateEntry(ALIAS, certificate);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot create an in-memory trust store", e);
        }
    }

    /** @return the PKCS12 key store file with the private key and certificate */
    public Path keyStoreFile() {
        return keyStoreFile;
    }

    /** @return the password of the key store and of its key (a fresh copy) */
    public char[] password() {
        return PASSWORD.toCharArray();
    }

    /** @return the self-signed certificate */
    /** @return the certificate in PEM, as a file of trusted certificates holds it */
    public String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException broken) {
            throw new IllegalStateException(broken);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    public String toString() {
        return "TestCertificate[" + String.join(",", subjectAltNames) + ", " + keyStoreFile + "]";
    }
}
