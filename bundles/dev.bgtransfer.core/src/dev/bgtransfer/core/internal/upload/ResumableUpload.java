package dev.bgtransfer.core.internal.upload;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferFailure.Kind;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.internal.bandwidth.Throttle;
import dev.bgtransfer.core.internal.http.ConnectionAbort;
import dev.bgtransfer.core.internal.http.Exchange;
import dev.bgtransfer.core.internal.http.HttpTransport;
import dev.bgtransfer.core.internal.http.NetworkFailures;
import dev.bgtransfer.core.internal.http.OriginAuthentication;
import dev.bgtransfer.core.internal.http.Redirects;
import dev.bgtransfer.core.internal.http.SignIn;
import dev.bgtransfer.core.internal.http.TransferException;
import dev.bgtransfer.core.internal.timeline.Timeline;

/**
 * One upload of a file to a URL, resumable when the server offers it, after <i>Resumable Uploads
 * for HTTP</i>, <b>draft-ietf-httpbis-resumable-upload-12</b> (its fields and media type are the
 * same in -10 to -15):
 * <ul>
 * <li>Creation: the file goes out with the method asked for (POST or PUT), {@code Upload-Complete:
 * ?1} and {@code Upload-Length}. A server that offers resumption answers {@code 104 Upload
 * Resumption Supported} with the upload resource in {@code Location}, resolved against the request
 * URL and kept ({@link #resource()}). The request says {@code Expect: 100-continue}: HttpCore's
 * classic client reads interim answers only before the body or after all of it, so the body waits
 * for the server's 100 and a 104 sent before it is seen before a single byte may be lost; a server
 * that refuses at once (413) never gets the body.</li>
 * <li>Resumption, after a dropped connection or a 5xx: {@code HEAD} on the upload resource gives
 * the server's {@code Upload-Offset}, and {@code PATCH} with {@code application/partial-upload},
 * that {@code Upload-Offset} and {@code Upload-Complete: ?1} sends the rest: always from the
 * server's offset, never from what this side believes it sent. A 409 (the offsets disagree) has the
 * next attempt ask again. An upload resource the server has forgotten (404, 410) starts over.</li>
 * <li>Cancellation: {@code DELETE} on the upload resource ({@link #cancel()}).</li>
 * <li>A server without resumption (no 104) gets a plain upload, sent again from zero by the next
 * attempt after an interruption.</li>
 * </ul>
 * The file must stay the one recorded at the start ({@link SourceFile#verify()}), checked before
 * each later attempt and after the final answer. A {@code max-size} in a 104's {@code Upload-Limit}
 * below the file's size stops the upload and cancels it, as the draft asks; a 413 fails with the
 * limit when the server named one. Each {@link #attempt()} is one try: retries and their backoff
 * are the caller's, who stores {@link #resource()} to resume after a restart.
 */
public final class ResumableUpload {
    private static final ContentType PARTIAL = ContentType.create(UploadHeaders.PARTIAL_UPLOAD);

    private final HttpTransport transport;
    private final String method;
    private final URI url;
    private final boolean resumable;
    private final OriginAuthentication authentication;
    private final Redirects redirects;
    /** Where a new upload is created: the URL, or where a 307 or 308 led. */
    private URI createAt;
    private final SourceFile source;
    private final TransferOptions options;
    private final ConnectionAbort abort;
    private final UploadProgress progress;
    private Throttle throttle = Throttle.NONE;
    private volatile URI resource;
    private volatile long serverOffset;
    private boolean attempted;
    private final Timeline timeline;

    /**
     * @param method      {@code POST} or {@code PUT}
     * @param url         where the file goes
     * @param resumable   whether to offer the server resumption; without, one plain request
     * @param source      the file as recorded when the upload started, checked by the caller just
     *                    now (each later attempt checks it again)
     * @param resource    the upload resource of an earlier run, or {@code null}
     * @param signIn      credentials for the URL's origin, sent only once it asks, and headers a person
     *                    gave; or {@code null}
     * @param abort       breaks a blocked connect, write or read from another thread
     */
    public ResumableUpload(HttpTransport transport, String method, URI url, boolean resumable, SourceFile source,
            URI resource, SignIn signIn, TransferOptions options, ConnectionAbort abort,
            UploadProgress progress) {
        this(transport, method, url, resumable, source, resource, signIn, options, abort, progress, Timeline.NONE);
    }

    /** As the constructor above, each request, answer, redirect and request for credentials recorded in {@code timeline}. */
    public ResumableUpload(HttpTransport transport, String method, URI url, boolean resumable, SourceFile source,
            URI resource, SignIn signIn, TransferOptions options, ConnectionAbort abort,
            UploadProgress progress, Timeline timeline) {
        this.timeline = timeline;
        this.transport = transport;
        this.method = method;
        this.url = url;
        this.createAt = url;
        this.resumable = resumable;
        this.authentication = new OriginAuthentication(url, signIn, timeline);
        this.redirects = new Redirects(url, options.maxRedirects(), url, timeline);
        this.source = source;
        this.resource = resource;
        this.options = options;
        this.abort = abort;
        this.progress = progress;
    }

    /** Holds the body's writes to {@code limits}; none by default. */
    public ResumableUpload throttledBy(Throttle limits) {
        this.throttle = limits;
        return this;
    }

    /** @return the upload resource the server named, to resume from; {@code null} when there is none */
    public URI resource() {
        return resource;
    }

    /** @return the offset the server last reported, 0 before it reported one */
    public long serverOffset() {
        return serverOffset;
    }

    /**
     * Sends the file, or the rest of it when the server holds a part.
     *
     * @throws TransferException          with {@link TransferException#isTransient()} when another
     *                                    attempt may succeed (from the server's offset when there
     *                                    is an upload resource, else from zero)
     * @throws OperationCanceledException when the abort was triggered
     */
    public UploadResult attempt() throws TransferException {
        checkAborted();
        if (attempted) {
            source.verify(abort::isAborted);
        }
        attempted = true;
        if (resource != null) {
            long offset = askOffset();
            if (offset == source.size() + 1) {
                return new UploadResult(HttpStatus.SC_NO_CONTENT, "204 No Content", source.size(), source.sha256());
            }
            if (offset >= 0) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put(UploadHeaders.OFFSET, Long.toString(offset));
                return send("PATCH", resource, headers, offset, PARTIAL);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (resumable) {
            headers.put(UploadHeaders.LENGTH, Long.toString(source.size()));
        }
        return send(method, createAt, headers, 0, ContentType.APPLICATION_OCTET_STREAM);
    }

    /**
     * Asks the server to forget the upload ({@code DELETE} on the upload resource), when there is
     * one. Runs on a connection of its own, so it works after the upload's abort.
     *
     * @return whether there was an upload resource and the server answered 2xx, 404 or 410
     */
    public boolean cancel() throws TransferException {
        URI target = resource;
        if (target == null) {
            return false;
        }
        resource = null;
        return UploadCancel.delete(transport, target, authorized(target, new LinkedHashMap<>()), options);
    }

    /**
     * @return the server's offset; -1 when the server forgot the upload resource (forgotten here
     *         too); the file's size + 1 when the upload is already complete
     */
    private long askOffset() throws TransferException {
        URI target = resource;
        while (true) {
            boolean connected = false;
            try (Exchange exchange = transport.send("HEAD", target, authorized(target, new LinkedHashMap<>()), null,
                    interim -> {
                    }, abort, options, timeline)) {
                connected = true;
                int status = exchange.status();
                if (status == HttpStatus.SC_UNAUTHORIZED) {
                    authentication.answerOrRefuse(exchange, target);
                    continue;
                }
                if (status == HttpStatus.SC_NOT_FOUND || status == HttpStatus.SC_GONE) {
                    resource = null;
                    return -1;
                }
                if (status / 100 != 2) {
                    throw NetworkFailures.httpStatus(exchange);
                }
                return offsetIn(exchange, target);
            } catch (IOException failure) {
                throw networkFailure(failure, target, connected);
            } catch (HttpException failure) {
                throw NetworkFailures.protocol(failure, target);
            }
        }
    }

    private long offsetIn(Exchange exchange, URI target) throws TransferException {
        long offset = UploadHeaders.integer(exchange.header(UploadHeaders.OFFSET));
        if (offset < 0 || offset > source.size()) {
            throw TransferException.permanent(Kind.PROTOCOL, NLS.bind(Messages.badOffset,
                    new Object[] { target.getHost(), exchange.header(UploadHeaders.OFFSET), source.size() }));
        }
        serverOffset = offset;
        progress.sent(offset, source.size());
        return UploadHeaders.isTrue(exchange.header(UploadHeaders.COMPLETE)) ? source.size() + 1 : offset;
    }

    /** Sends the file from {@code offset} to its end, the last part of the upload. */
    private UploadResult send(String requestMethod, URI target, Map<String, String> headers, long offset,
            ContentType type) throws TransferException {
        if (resumable) {
            headers.put(UploadHeaders.COMPLETE, UploadHeaders.TRUE);
        }
        headers.put("Expect", "100-continue");
        boolean creating = offset == 0 && target.equals(createAt);
        URI at = target;
        while (true) {
            ResumptionOffer offer = new ResumptionOffer(creating && resumable, at, url, source.size(),
                    named -> resource = named);
            boolean connected = false;
            WriteWatchdog watchdog = new WriteWatchdog(abort, options.stallTimeout());
            UploadProgress watched = (sent, total) -> {
                watchdog.wrote(sent == total);
                progress.sent(sent, total);
            };
            try (watchdog; Exchange exchange = transport.send(requestMethod, at,
                    authorized(at, new LinkedHashMap<>(headers)),
                    new FileBody(source, offset, type, watched, throttle, abort), offer::heard, abort, options, timeline)) {
                connected = true;
                int status = exchange.status();
                if (status == HttpStatus.SC_UNAUTHORIZED) {
                    authentication.answerOrRefuse(exchange, at);
                    continue;
                }
                if (creating && Redirects.isRedirect(status)) {
                    at = redirected(exchange, requestMethod);
                    createAt = at;
                    continue;
                }
                return answered(exchange, creating);
            } catch (FileBody.ShrunkException shrunk) {
                throw source.changed();
            } catch (ResumptionOffer.LimitException limit) {
                cancelQuietly();
                throw tooLarge(limit.limit());
            } catch (IOException failure) {
                throw watchdog.fired() ? stalled(at) : networkFailure(failure, at, connected);
            } catch (HttpException failure) {
                throw NetworkFailures.protocol(failure, at);
            }
        }
    }

    private UploadResult answered(Exchange exchange, boolean creating) throws TransferException {
        int status = exchange.status();
        if (status == HttpStatus.SC_REQUEST_TOO_LONG) {
            throw tooLarge(exchange.header(UploadHeaders.LIMIT));
        }
        if (status == HttpStatus.SC_CONFLICT && !creating) {
            // the offsets disagree: the next attempt asks the server's again
            TransferFailure conflict = NetworkFailures.httpStatus(exchange).failure();
            throw new TransferException(conflict, true, null);
        }
        if (status / 100 != 2) {
            throw NetworkFailures.httpStatus(exchange);
        }
        source.verify(abort::isAborted);
        return new UploadResult(status, exchange.statusText(), source.size(), source.sha256());
    }

    /**
     * @return where a 307 or 308 leads the upload, with its method and body, on the same origin;
     *         other redirects would turn it into a GET and fail it, as does one to another origin
     */
    private URI redirected(Exchange exchange, String requestMethod) throws TransferException {
        URI next = redirects.follow(exchange);
        if (!Redirects.methodAfter(exchange.status(), requestMethod).equals(requestMethod)) {
            throw TransferException.permanent(Kind.REDIRECT,
                    NLS.bind(Messages.redirectToGet, exchange.url().getHost(), exchange.statusText()));
        }
        if (!Redirects.sameOrigin(next, url)) {
            throw TransferException.permanent(Kind.REDIRECT, NLS.bind(Messages.redirectToOtherOrigin, url, next));
        }
        return next;
    }

    /** @return {@code headers} with the sign-in's answer for {@code target}, once the origin asked */
    private Map<String, String> authorized(URI target, Map<String, String> headers) {
        authentication.authorize(target, headers);
        return headers;
    }

    private TransferException networkFailure(IOException failure, URI target, boolean connected) {
        checkAborted();
        return NetworkFailures.network(failure, target, connected, options);
    }

    /** @return the transient failure of a server that took none of the body for the stall timeout */
    private TransferException stalled(URI target) {
        checkAborted();
        return new TransferException(new TransferFailure(Kind.NETWORK,
                NLS.bind(Messages.writeStalled, target.getHost(), options.stallTimeout().toSeconds())), true, null);
    }

    private TransferException tooLarge(String limit) {
        long maxSize = UploadHeaders.maxSize(limit);
        String message = maxSize < 0 ? NLS.bind(Messages.tooLarge, url.getHost(), source.size())
                : NLS.bind(Messages.tooLargeLimit, new Object[] { url.getHost(), source.size(), maxSize });
        return TransferException.permanent(Kind.HTTP_STATUS, message);
    }

    /** {@link #cancel()}, for when nothing can be done about a failure: the server forgets the upload by itself in time. */
    void cancelQuietly() {
        try {
            cancel();
        } catch (TransferException unreachable) {
            // the server forgets the upload resource by itself in time
        }
    }

    private void checkAborted() {
        if (abort.isAborted()) {
            throw new OperationCanceledException();
        }
    }
}
