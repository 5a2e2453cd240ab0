package dev.bgtransfer.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.io.HttpFilterChain.ResponseTrigger;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;

import dev.bgtransfer.samples.internal.http.BasicGate;

/**
 * An upload target of {@link TestHttpServer}: POST or PUT store the request body. A resumable one
 * ({@link TestHttpServer#addResumableUpload}) follows <i>Resumable Uploads for HTTP</i>
 * (draft-ietf-httpbis-resumable-upload): it answers a request with {@code Upload-Complete} with
 * {@code 104 Upload Resumption Supported} naming an upload resource in {@code Location}, reports the
 * offset on {@code HEAD} there, appends a {@code PATCH} of {@code application/partial-upload} at
 * the right {@code Upload-Offset} only (409 with its own offset otherwise) and forgets the upload on
 * {@code DELETE}. A plain one ({@link TestHttpServer#addPlainUpload}) stores each request's body
 * afresh. Both answer {@code Expect: 100-continue}, refuse a body above {@link #refuseAbove} with
 * 413 before reading it, keep the bytes of an interrupted request that arrived, and read as fast
 * as the client sends unless {@link #throttle throttled}.
 * <p>
 * It counts every body byte read ({@link #bytesReceived()}) and hashes the stored bytes as they are
 * appended ({@link #sha256()}), so a test can tell what was sent twice. One upload at a time: a new
 * creation request starts over. Thread-safe.
 */
public final class UploadEndpoint {
    /** The path of the upload resource below the endpoint's own path. */
    private static final String RESOURCE = "/resource-";
    private static final int BUFFER = 16 * 1024;

    private final String path;
    private final boolean resumable;
    private final BooleanSupplier serverClosed;
    private final Consumer<String> resources;
    private final AtomicLong received = new AtomicLong();
    private final AtomicInteger deletes = new AtomicInteger();
    private final AtomicInteger uploadIds = new AtomicInteger();
    private volatile long dropAfter = -1;
    private volatile int drops;
    private volatile long stallAfter = -1;
    private volatile long refuseAbove = Long.MAX_VALUE;
    private volatile long readRate;
    private volatile BasicGate basicGate = BasicGate.OPEN;
    // the upload being stored, guarded by this
    private MessageDigest digest = newDigest();
    private long stored;
    private long length = -1;
    private boolean complete;
    private String resource;
    /** Raised by every request to the upload, so that an older request's body stops being stored. */
    private int generation;

    UploadEndpoint(String path, boolean resumable, BooleanSupplier serverClosed, Consumer<String> resources) {
        this.path = path;
        this.resumable = resumable;
        this.serverClosed = serverClosed;
        this.resources = resources;
    }

    /**
     * Closes the connection after {@code bytes} body bytes of each of the next {@code times}
     * requests with a body, keeping those bytes.
     */
    public void dropAfter(long bytes, int times) {
        dropAfter = bytes;
        drops = times;
    }

    /**
     * Stops reading after {@code bytes} body bytes of each request (the client's writes block) until
     * the server closes or another request comes for the upload; a negative value stalls no later
     * request. A stalled request never reads again: what the client wrote into it is lost, as when
     * a connection breaks.
     */
    public void stallAfter(long bytes) {
        stallAfter = bytes;
    }

    /**
     * Reads each request's body at most at {@code bytesPerSecond}, as a slow link would; 0 reads as
     * fast as it comes (also for a request under way).
     */
    public UploadEndpoint readAt(long bytesPerSecond) {
        readRate = bytesPerSecond;
        return this;
    }

    /** Answers every request without these credentials 401 with a Basic challenge, before reading a body. */
    public void requireBasicAuth(String user, String password) {
        basicGate = BasicGate.of(user + ":" + password);
    }

    /** Answers 413 to an upload whose length is above {@code bytes}, naming it as {@code max-size}. */
    public void refuseAbove(long bytes) {
        refuseAbove = bytes;
    }

    /** @return every body byte read, of every request, stored or not */
    public long bytesReceived() {
        return received.get();
    }

    /** @return the bytes of the current upload stored so far */
    public synchronized long storedBytes() {
        return stored;
    }

    /** @return whether the current upload was completed */
    public synchronized boolean isComplete() {
        return complete;
    }

    /** @return the SHA-256 of the stored bytes of a complete upload, lower-case hex; {@code null} before */
    public synchronized String sha256() {
        try {
            return complete ? HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest()) : null;
        } catch (CloneNotSupportedException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** @return the DELETE requests the upload resource got */
    public int deletes() {
        return deletes.get();
    }

    /** @return the path of the current upload resource, or {@code null} */
    public synchronized String resource() {
        return resource;
    }

    void handle(ClassicHttpRequest request, ResponseTrigger trigger) throws HttpException, IOException {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        boolean atResource = !RequestDispatcher.pathOf(request.getPath()).equals(path);
        if (!basicGate.admits(request.getFirstHeader(HttpHeaders.AUTHORIZATION))) {
            BasicClassicHttpResponse challenge = new BasicClassicHttpResponse(HttpStatus.SC_UNAUTHORIZED);
            challenge.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"uploads\", charset=\"UTF-8\"");
            trigger.submitResponse(challenge);
            return;
        }
        if (!atResource && (method.equals("POST") || method.equals("PUT"))) {
            create(request, trigger);
        } else if (atResource && method.equals("HEAD")) {
            trigger.submitResponse(offsetResponse(HttpStatus.SC_NO_CONTENT));
        } else if (atResource && method.equals("PATCH")) {
            append(request, trigger);
        } else if (atResource && method.equals("DELETE")) {
            deletes.incrementAndGet();
            synchronized (this) {
                generation++;
                resource = null;
            }
            trigger.submitResponse(new BasicClassicHttpResponse(HttpStatus.SC_NO_CONTENT));
        } else {
            trigger.submitResponse(new BasicClassicHttpResponse(HttpStatus.SC_METHOD_NOT_ALLOWED));
        }
    }

    private void create(ClassicHttpRequest request, ResponseTrigger trigger) throws HttpException, IOException {
        long announced = announcedLength(request);
        if (announced > refuseAbove) {
            trigger.submitResponse(tooLarge());
            return;
        }
        int mine;
        synchronized (this) {
            mine = ++generation;
            digest = newDigest();
            stored = 0;
            complete = false;
            length = announced;
            resource = resumable && request.containsHeader("Upload-Complete")
                    ? path + RESOURCE + uploadIds.incrementAndGet() : null;
            if (resource != null) {
                resources.accept(resource);
            }
        }
        if (resource != null) {
            BasicClassicHttpResponse resumption = new BasicClassicHttpResponse(104, "Upload Resumption Supported");
            resumption.setHeader(HttpHeaders.LOCATION, resource);
            resumption.setHeader("Upload-Limit", "max-size=" + Math.min(refuseAbove, 1L << 49));
            trigger.sendInformation(resumption);
        }
        receive(request, trigger, mine, HttpStatus.SC_CREATED);
    }

    private void append(ClassicHttpRequest request, ResponseTrigger trigger) throws HttpException, IOException {
        Header type = request.getFirstHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !type.getValue().startsWith("application/partial-upload")) {
            trigger.submitResponse(new BasicClassicHttpResponse(HttpStatus.SC_UNSUPPORTED_MEDIA_TYPE));
            return;
        }
        int mine;
        synchronized (this) {
            mine = ++generation;
            Header offset = request.getFirstHeader("Upload-Offset");
            if (resource == null || complete || offset == null || !offset.getValue().equals(Long.toString(stored))) {
                trigger.submitResponse(offsetResponse(resource == null ? HttpStatus.SC_NOT_FOUND : HttpStatus.SC_CONFLICT));
                return;
            }
        }
        receive(request, trigger, mine, HttpStatus.SC_OK);
    }

    /** Stores the body as it arrives, with the knobs; answers {@code status} once it is all there. */
    private void receive(ClassicHttpRequest request, ResponseTrigger trigger, int mine, int status)
            throws HttpException, IOException {
        Header expect = request.getFirstHeader(HttpHeaders.EXPECT);
        if (expect != null && expect.getValue().equalsIgnoreCase("100-continue")) {
            trigger.sendInformation(new BasicClassicHttpResponse(HttpStatus.SC_CONTINUE));
        }
        boolean dropping = dropAfter >= 0 && drops > 0;
        if (dropping) {
            drops--;
        }
        long limit = dropping ? dropAfter : Long.MAX_VALUE;
        HttpEntity entity = request.getEntity();
        long read = 0;
        long started = System.nanoTime();
        try (InputStream body = entity == null ? InputStream.nullInputStream() : entity.getContent()) {
            byte[] buffer = new byte[BUFFER];
            while (true) {
                if (read >= limit) {
                    throw new DroppedConnectionException(read);
                }
                if (stallAfter >= 0 && read >= stallAfter) {
                    stall(mine);
                }
                int count = body.read(buffer, 0, (int) Math.min(buffer.length, limit - read));
                if (count < 0) {
                    break;
                }
                received.addAndGet(count);
                read += count;
                store(mine, buffer, count);
                pace(started, read);
            }
        }
        // a request without Upload-Complete is a plain upload, complete with its body (as a server without resumption takes it)
        String uploadComplete = headerValue(request, "Upload-Complete");
        boolean completes = !resumable || uploadComplete == null || "?1".equals(uploadComplete);
        synchronized (this) {
            if (mine != generation) {
                throw new DroppedConnectionException(read);
            }
            complete = completes;
            if (complete && resource != null) {
                resource = null;
            }
        }
        BasicClassicHttpResponse response = new BasicClassicHttpResponse(status);
        if (resumable) {
            response.setHeader("Upload-Complete", completes ? "?1" : "?0");
        }
        trigger.submitResponse(response);
    }

    private synchronized void store(int mine, byte[] bytes, int count) throws IOException {
        if (mine != generation) {
            throw new DroppedConnectionException(stored);
        }
        digest.update(bytes, 0, count);
        stored += count;
        if (length >= 0 && stored > length) {
            throw new DroppedConnectionException(stored);
        }
    }

    private void stall(int mine) throws IOException {
        while (!serverClosed.getAsBoolean()) {
            synchronized (this) {
                if (mine != generation) {
                    throw new DroppedConnectionException(stored);
                }
            }
            sleep(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new InterruptedIOException("Server stopping");
    }

    /** Waits until {@code read} bytes are due at the {@link #readAt} rate since {@code started}. */
    private void pace(long started, long read) throws InterruptedIOException {
        long rate = readRate;
        if (rate > 0) {
            sleep(started + read * 1_000_000_000L / rate - System.nanoTime());
        }
    }

    private static void sleep(long nanos) throws InterruptedIOException {
        if (nanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    private synchronized ClassicHttpResponse offsetResponse(int status) {
        generation++;
        BasicClassicHttpResponse response = new BasicClassicHttpResponse(resource == null && !complete
                ? HttpStatus.SC_NOT_FOUND : status);
        response.setHeader("Upload-Offset", Long.toString(stored));
        response.setHeader("Upload-Complete", complete ? "?1" : "?0");
        if (length >= 0) {
            response.setHeader("Upload-Length", Long.toString(length));
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return response;
    }

    private ClassicHttpResponse tooLarge() {
        BasicClassicHttpResponse response = new BasicClassicHttpResponse(HttpStatus.SC_REQUEST_TOO_LONG);
        response.setHeader("Upload-Limit", "max-size=" + refuseAbove);
        response.setHeader(HttpHeaders.CONNECTION, "close");
        return response;
    }

    private static long announcedLength(ClassicHttpRequest request) {
        String length = headerValue(request, "Upload-Length");
        if (length == null) {
            length = headerValue(request, HttpHeaders.CONTENT_LENGTH);
        }
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException malformed) {
            return -1;
        }
    }

    private static String headerValue(ClassicHttpRequest request, String name) {
        Header header = request.getFirstHeader(name);
        return header == null ? null : header.getValue().strip();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException notInThisJava) {
            throw new IllegalStateException(notInThisJava);
        }
    }
}
