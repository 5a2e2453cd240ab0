package dev.bgtransfer.junit;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.bgtransfer.samples.internal.http.BasicGate;
import dev.bgtransfer.samples.internal.http.SeededContent;

/**
 * A file served by {@link TestHttpServer}: deterministic pseudo-random bytes derived from a seed,
 * generated while streaming. Behaviour switches are fluent and take effect for responses that start
 * after the call. Instances are thread-safe; create them with
 * {@link TestHttpServer#addFile(String, long, long)}.
 */
public final class TestFile {

    private final String path;
    private final long size;
    private volatile FileContent content;
    private volatile String contentDisposition;
    private volatile boolean ignoreRange;
    private volatile long dropAfter = -1;
    private volatile long throttle;
    private volatile boolean chunked;
    private volatile BasicGate basicGate = BasicGate.OPEN;
    private volatile DigestCheck digest;
    private volatile boolean withoutEtag;
    private volatile boolean withoutValidators;
    private volatile boolean withoutRanges;
    private volatile long unrangedThrottle;
    private volatile boolean weakEtag;
    private volatile boolean withoutLastModified;
    private volatile boolean rangesUnannounced;
    private volatile boolean rangesRefused;
    private volatile boolean ifRangeIgnored;
    private volatile RangeRefusal rangeRefusal;
    private volatile String etagSalt = "";
    private final AtomicLong refusalsAnswered = new AtomicLong();

    /** The next {@code left} requests with a bounded range ({@code bytes=a-b}) get {@code status}. */
    record RangeRefusal(int status, String retryAfter, AtomicInteger left) {
    }
    private final AtomicLong bytesServed = new AtomicLong();

    TestFile(String path, long size, long seed) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        this.path = path;
        this.size = size;
        this.content = new FileContent(seed, size, 0);
    }

    /** @return the request path this file is served under, e.g. {@code "/a.bin"} */
    public String path() {
        return path;
    }

    /** @return the length of the content in bytes */
    public long size() {
        return size;
    }

    /** @return the current strong entity tag, including the double quotes */
    public String etag() {
        return content.etag();
    }

    /**
     * @return the current {@code Last-Modified} value (an HTTP-date); fixed per content version and
     *         moved forward by {@link #changeContent(long)}
     */
    public String lastModified() {
        return content.lastModified();
    }

    /** @return the SHA-256 of the current full content as lowercase hex, computed by streaming */
    public String sha256() {
        return content.sha256();
    }

    /**
     * @return the full current content; meant for small files
     * @throws IllegalStateException if the file is too large for a byte array
     */
    public byte[] bytes() {
        final FileContent current = content;
        if (current.size() > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("Content too large to materialise: " + current.size() + " bytes");
        }
        final byte[] result = new byte[(int) current.size()];
        SeededContent.fill(current.seed(), 0, result, 0, result.length);
        return result;
    }

    /**
     * Answers 401 with a Basic challenge unless the request carries these credentials; {@code null}
     * turns the check off.
     */
    public TestFile requireBasicAuth(String user, String password) {
        basicGate = user == null ? BasicGate.OPEN : BasicGate.of(user + ":" + password);
        return this;
    }

    BasicGate basicGate() {
        return basicGate;
    }

    /** Answers 401 with a Digest challenge (SHA-256, qop=auth) unless the request answers it correctly. */
    public TestFile requireDigestAuth(String user, String password) {
        digest = new DigestCheck(user, password);
        return this;
    }

    DigestCheck digest() {
        return digest;
    }

    /**
     * Sends the given value as {@code Content-Disposition} on 200/206 responses (and their HEAD
     * equivalents).
     *
     * @param headerValue the header value, or {@code null} to send none
     * @return this file
     */
    public TestFile contentDisposition(String headerValue) {
        this.contentDisposition = headerValue;
        return this;
    }

    /**
     * When {@code true}, {@code Range} and {@code If-Range} are ignored and every GET answers 200
     * with the full body (while still advertising {@code Accept-Ranges: bytes}, like a misbehaving
     * server).
     *
     * @param ignore whether to ignore range requests
     * @return this file
     */
    public TestFile ignoreRange(boolean ignore) {
        this.ignoreRange = ignore;
        return this;
    }

    /**
     * Makes every following response for this file send its headers (claiming the full length),
     * then exactly {@code bodyBytes} bytes of its body, then close the connection, so the client
     * sees a premature end of the body. Stays in effect until turned off. A response whose body is
     * not longer than {@code bodyBytes} completes normally.
     *
     * @param bodyBytes the body bytes to send per response before closing, or {@code -1} for off
     * @return this file
     */
    public TestFile dropAfter(long bodyBytes) {
        if (bodyBytes < -1) {
            throw new IllegalArgumentException("bodyBytes must be >= -1: " + bodyBytes);
        }
        this.dropAfter = bodyBytes;
        return this;
    }

    /**
     * Replaces the content with other bytes of the same size, a new ETag and a later
     * {@code Last-Modified}, simulating the entity changing on the server. Responses already
     * running keep streaming the old content.
     *
     * @param newSeed the seed of the new content; must differ from the current one for the ETag to
     *                change
     * @return this file
     */
    public TestFile changeContent(long newSeed) {
        synchronized (this) {
            this.content = new FileContent(newSeed, size, content.generation() + 1);
        }
        return this;
    }

    /**
     * Limits the body rate of this file's responses, overriding the server default; also applies
     * to responses already streaming.
     *
     * @param bytesPerSecond the rate, or {@code 0} to use the server default
     * @return this file
     */
    public TestFile throttle(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bytesPerSecond must not be negative: " + bytesPerSecond);
        }
        this.throttle = bytesPerSecond;
        return this;
    }

    /**
     * When {@code true}, bodies are sent with chunked transfer encoding and without
     * {@code Content-Length}, so the client does not know the size up front. Ranges still work (the
     * {@code Content-Range} header carries the total size).
     *
     * @param chunked whether to omit the length
     * @return this file
     */
    public TestFile withoutLength(boolean chunked) {
        this.chunked = chunked;
        return this;
    }

    /**
     * When {@code true}, responses carry no {@code ETag}, only {@code Last-Modified}, so clients
     * resume with a date in {@code If-Range}.
     *
     * @param noEtag whether to leave the entity tag out
     * @return this file
     */
    public TestFile withoutEtag(boolean noEtag) {
        this.withoutEtag = noEtag;
        return this;
    }

    /**
     * When {@code true}, responses carry neither {@code ETag} nor {@code Last-Modified}: nothing to
     * check a range against.
     *
     * @param none whether to leave every validator out
     * @return this file
     */
    public TestFile withoutValidators(boolean none) {
        this.withoutValidators = none;
        return this;
    }

    /**
     * When {@code true}, the file is served like a server without ranges: no {@code Accept-Ranges}
     * header, and every GET answered 200 with the whole body.
     *
     * @param none whether to offer no ranges
     * @return this file
     */
    public TestFile withoutRanges(boolean none) {
        this.withoutRanges = none;
        return this;
    }

    /**
     * When {@code true}, the entity tag is sent weak ({@code W/"…"}); ranges are still served (a weak
     * tag never satisfies {@code If-Range}, so a resume naming it gets the whole file).
     *
     * @return this file
     */
    public TestFile weakEtag(boolean weak) {
        this.weakEtag = weak;
        return this;
    }

    /**
     * Forms the entity tag as another server would for the same content (a mirror of another make):
     * {@code salt} goes inside the tag's quotes, and only that tag satisfies {@code If-Range}.
     *
     * @return this file
     */
    public TestFile etagSalt(String salt) {
        this.etagSalt = salt;
        return this;
    }

    /** @return the tag this file sends for {@code contentTag}, the tag of its content (see {@link #etagSalt}) */
    String servedEtag(String contentTag) {
        return etagSalt.isEmpty() ? contentTag : contentTag.substring(0, contentTag.length() - 1) + etagSalt + "\"";
    }

    /**
     * When {@code true}, responses carry no {@code Last-Modified} (the ETag as configured).
     *
     * @return this file
     */
    public TestFile withoutLastModified(boolean none) {
        this.withoutLastModified = none;
        return this;
    }

    /**
     * When {@code true}, ranges are served but never announced: no {@code Accept-Ranges} header, as many
     * servers behind caches do.
     *
     * @return this file
     */
    public TestFile rangesUnannounced(boolean unannounced) {
        this.rangesUnannounced = unannounced;
        return this;
    }

    /**
     * When {@code true}, responses say {@code Accept-Ranges: none} and every GET is answered 200 with
     * the whole body.
     *
     * @return this file
     */
    public TestFile rangesRefused(boolean refused) {
        this.rangesRefused = refused;
        return this;
    }

    /**
     * When {@code true}, {@code If-Range} is ignored: a range is served even of an entity other than
     * the one it names (a server that would splice a changed file).
     *
     * @return this file
     */
    public TestFile ignoreIfRange(boolean ignore) {
        this.ifRangeIgnored = ignore;
        return this;
    }

    /**
     * Limits the body rate of responses to requests without a {@code Range} header (a download's
     * first connection), overriding {@link #throttle(long)} for them: a slow connection beside fast ones.
     *
     * @param bytesPerSecond the rate, or {@code 0} for the file's usual rate
     * @return this file
     */
    public TestFile throttleUnranged(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bytesPerSecond must not be negative: " + bytesPerSecond);
        }
        this.unrangedThrottle = bytesPerSecond;
        return this;
    }

    /**
     * Answers the next {@code times} requests that ask for a bounded range ({@code bytes=a-b}, what the
     * further connections of a segmented download ask) with {@code status} and, when given, a
     * {@code Retry-After}: a server that refuses more connections.
     *
     * @param retryAfter the {@code Retry-After} value, or {@code null} for none
     * @return this file
     */
    public TestFile refuseBoundedRanges(int status, int times, String retryAfter) {
        rangeRefusal = new RangeRefusal(status, retryAfter, new AtomicInteger(times));
        return this;
    }

    /** @return how many requests {@link #refuseBoundedRanges} refused so far */
    public long refusalsAnswered() {
        return refusalsAnswered.get();
    }

    /**
     * @return the body bytes of this file written to clients' connections so far, over all
     *         responses (bytes a client never read because it went away count too)
     */
    public long bytesServed() {
        return bytesServed.get();
    }

    boolean etagOmitted() {
        return withoutEtag || withoutValidators;
    }

    boolean lastModifiedOmitted() {
        return withoutValidators || withoutLastModified;
    }

    boolean rangesOffered() {
        return !withoutRanges && !rangesRefused;
    }

    boolean etagWeak() {
        return weakEtag;
    }

    /** @return the {@code Accept-Ranges} value sent, or {@code null} for none */
    String acceptRanges() {
        return rangesRefused ? "none" : withoutRanges || rangesUnannounced ? null : "bytes";
    }

    boolean ifRangeIgnored() {
        return ifRangeIgnored;
    }

    long unrangedThrottleBytesPerSecond() {
        return unrangedThrottle;
    }

    /** @return the refusal for a request with a bounded range, counted as answered; or {@code null} */
    RangeRefusal refusalFor(String range) {
        RangeRefusal refusal = rangeRefusal;
        if (refusal == null || range == null || range.strip().endsWith("-") || refusal.left().getAndDecrement() <= 0) {
            return null;
        }
        refusalsAnswered.incrementAndGet();
        return refusal;
    }

    void served(long bytes) {
        bytesServed.addAndGet(bytes);
    }

    FileContent content() {
        return content;
    }

    String contentDispositionValue() {
        return contentDisposition;
    }

    boolean rangesIgnored() {
        return ignoreRange;
    }

    long dropAfterBytes() {
        return dropAfter;
    }

    long throttleBytesPerSecond() {
        return throttle;
    }

    boolean chunked() {
        return chunked;
    }

    @Override
    public String toString() {
        return "TestFile[" + path + ", " + size + " bytes, etag " + etag() + "]";
    }
}
