package dev.bgtransfer.samples.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.bgtransfer.samples.SampleFile;
import dev.bgtransfer.samples.SamplePreferences;
import dev.bgtransfer.samples.SampleServer;

/** Real HTTP requests to the sample server found in the OSGi service registry. */
class SampleServerTest {
    private static final IEclipsePreferences PREFERENCES = InstanceScope.INSTANCE.getNode(SamplePreferences.NODE);
    private static ServiceTracker<SampleServer, SampleServer> tracker;
    private static SampleServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void findTheService() throws InterruptedException {
        PREFERENCES.putLong(SamplePreferences.BYTES_PER_SECOND, 0);
        tracker = new ServiceTracker<>(FrameworkUtil.getBundle(SampleServerTest.class).getBundleContext(),
                SampleServer.class, null);
        tracker.open();
        server = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
    }

    @AfterAll
    static void release() {
        tracker.close();
        PREFERENCES.remove(SamplePreferences.BYTES_PER_SECOND);
    }

    @Test
    void fiveFilesFromAbout700KbToAbout29MbOnLoopback() {
        List<SampleFile> files = server.files();
        assertEquals(5, files.size());
        assertEquals(700_000, files.get(0).size());
        assertEquals(28_600_000, files.get(4).size());
        for (SampleFile file : files) {
            assertEquals("127.0.0.1", file.url().getHost());
            assertTrue(file.url().getPort() > 0);
            assertTrue(file.url().getPath().endsWith("/" + file.fileName()));
            assertTrue(!file.title().isBlank() && !file.title().startsWith("!"), file.title());
        }
    }

    @Test
    void everyFileHasItsPublishedSha256AndTheSameBytesTwice() throws Exception {
        for (SampleFile file : server.files()) {
            Body body = get(file.url(), null, null);
            assertEquals(200, body.status());
            assertEquals(file.size(), body.length(), file.fileName());
            assertEquals(file.sha256(), body.sha256(), file.fileName());
        }
        SampleFile first = server.files().get(0);
        assertEquals(first.sha256(), get(first.url(), null, null).sha256());
        // pinned: the bytes must never change between versions, or stored resume data would splice
        assertEquals("d640271dfdbbe7f88e0e2bcaef73731f3bcd3bfe48533f6b1219cfdb6c007caa", first.sha256());
    }

    @Test
    void aRangeIsTheMatchingSliceOfTheWholeFile() throws Exception {
        SampleFile file = server.files().get(1);
        byte[] whole = bytes(client.send(HttpRequest.newBuilder(file.url()).build(), HttpResponse.BodyHandlers.ofInputStream()));
        HttpResponse<byte[]> part = client.send(HttpRequest.newBuilder(file.url())
                .header("Range", "bytes=1000000-").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, part.statusCode());
        assertEquals("bytes 1000000-2399999/2400000", part.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(whole, 1_000_000, whole.length), part.body());

        HttpResponse<byte[]> closed = client.send(HttpRequest.newBuilder(file.url())
                .header("Range", "bytes=5-9").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(Arrays.copyOfRange(whole, 5, 10), closed.body());
        HttpResponse<byte[]> suffix = client.send(HttpRequest.newBuilder(file.url())
                .header("Range", "bytes=-100").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(Arrays.copyOfRange(whole, whole.length - 100, whole.length), suffix.body());
    }

    @Test
    void ifRangeWithTheStrongEtagResumesAndAnyOtherValidatorSendsEverything() throws Exception {
        SampleFile file = server.files().get(0);
        HttpResponse<Void> head = client.send(HttpRequest.newBuilder(file.url()).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        String etag = head.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("\""), "a strong ETag: " + etag);
        assertEquals("bytes", head.headers().firstValue("Accept-Ranges").orElseThrow());

        Body resumed = get(file.url(), "bytes=500000-", etag);
        assertEquals(206, resumed.status());
        assertEquals(200_000, resumed.length());
        Body changed = get(file.url(), "bytes=500000-", "\"some-other-entity\"");
        assertEquals(200, changed.status());
        assertEquals(file.sha256(), changed.sha256());
        Body weak = get(file.url(), "bytes=500000-", "W/" + etag);
        assertEquals(200, weak.status());
    }

    @Test
    void aRangePastTheEndIs416AndUnknownPathsAre404() throws Exception {
        SampleFile file = server.files().get(0);
        HttpResponse<String> past = client.send(HttpRequest.newBuilder(file.url()).header("Range", "bytes=700000-").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(416, past.statusCode());
        assertEquals("bytes */700000", past.headers().firstValue("Content-Range").orElseThrow());
        HttpResponse<String> missing = client.send(HttpRequest.newBuilder(server.baseUri().resolve("samples/nothing.bin")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
    }

    @Test
    void thePreferenceThrottlesTheBody() throws Exception {
        SampleFile file = server.files().get(0);
        PREFERENCES.putLong(SamplePreferences.BYTES_PER_SECOND, 100_000);
        try {
            assertEquals(100_000, server.bytesPerSecond());
            long start = System.nanoTime();
            Body slow = get(file.url(), "bytes=0-99999", null);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(100_000, slow.length());
            assertTrue(seconds > 0.8 && seconds < 5, "100 KB at 100 KB/s took " + seconds + " s");
        } finally {
            PREFERENCES.putLong(SamplePreferences.BYTES_PER_SECOND, 0);
        }
        assertEquals(0, server.bytesPerSecond());
    }

    private record Body(int status, long length, String sha256) {
    }

    private Body get(URI url, String range, String ifRange) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url);
        if (range != null) {
            request.header("Range", range);
        }
        if (ifRange != null) {
            request.header("If-Range", ifRange);
        }
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest digest = sha256();
        long length = 0;
        try (InputStream in = new DigestInputStream(response.body(), digest)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0;) {
                length += n;
            }
        }
        return new Body(response.statusCode(), length, HexFormat.of().formatHex(digest.digest()));
    }

    private static byte[] bytes(HttpResponse<InputStream> response) throws IOException {
        try (InputStream in = response.body()) {
            return in.readAllBytes();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
