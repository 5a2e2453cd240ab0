package dev.bgtransfer.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;
import org.apache.hc.core5.http.io.HttpFilterHandler;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;

import dev.bgtransfer.samples.internal.http.RequestedRange;

/**
 * The single request handler of {@link TestHttpServer}: records each request and answers it from
 * the configured routes (files, fixed statuses, redirects, fixed contents, echoes), after the
 * failures asked for, or with 404.
 */
final class RequestDispatcher implements HttpRequestHandler {

    /** What a path is answered with. */
    sealed interface Route permits FileRoute, StatusRoute, RedirectRoute, ContentRoute, EchoRoute {
    }

    record FileRoute(TestFile file) implements Route {
    }

    record StatusRoute(int status) implements Route {
    }

    record RedirectRoute(int status, String location) implements Route {
    }

    record ContentRoute(byte[] body, String contentType) implements Route {
    }

    record EchoRoute() implements Route {
    }

    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    /** Per path, how many of the next requests get a failure status instead of their route's answer. */
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    /** The next {@code left} requests answered with {@code status}. */
    record Failures(int status, AtomicInteger left, String retryAfter) {
    }

    /** Upload endpoints by their paths and the paths of their upload resources. */
    private final Map<String, UploadEndpoint> uploads = new ConcurrentHashMap<>();
    private final TestHttpServer server;

    RequestDispatcher(TestHttpServer server) {
        this.server = server;
    }

    void put(String path, Route route) {
        routes.put(path, route);
    }

    void remove(String path) {
        routes.remove(path);
        uploads.remove(path);
    }

    /** Routes {@code path}, and the upload resources it will name, to {@code upload}. */
    UploadEndpoint putUpload(String path, boolean resumable) {
        routes.remove(path);
        UploadEndpoint upload = new UploadEndpoint(path, resumable, server::isClosed,
                resource -> uploads.put(resource, uploads.get(path)));
        uploads.put(path, upload);
        return upload;
    }

    /**
     * Answers the upload routes, which need to send interim responses (only a filter can), before
     * the expect-continue filter; passes every other request on to {@link #handle}.
     */
    HttpFilterHandler uploadFilter() {
        return (request, trigger, context, chain) -> {
            UploadEndpoint upload = uploads.get(pathOf(targetOf(request)));
            if (upload == null) {
                chain.proceed(request, trigger, context);
                return;
            }
            record(request);
            Failures failing = failures.get(pathOf(targetOf(request)));
            if (failing != null && failing.left().getAndDecrement() > 0) {
                trigger.submitResponse(new BasicClassicHttpResponse(failing.status()));
                return;
            }
            upload.handle(request, trigger);
        };
    }

    void failNext(String path, int status, int times, String retryAfter) {
        failures.put(path, new Failures(status, new AtomicInteger(times), retryAfter));
    }

    /** @return the path of a request target, without query string or fragment */
    static String pathOf(String target) {
        int end = target.length();
        final int query = target.indexOf('?');
        if (query >= 0) {
            end = query;
        }
        final int fragment = target.indexOf('#');
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        return target.substring(0, end);
    }

    @Override
    public void handle(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context) {
        final String target = record(request);

        final Failures failing = failures.get(pathOf(target));
        if (failing != null && failing.left().getAndDecrement() > 0) {
            textResponse(response, failing.status());
            if (failing.retryAfter() != null) {
                response.setHeader(HttpHeaders.RETRY_AFTER, failing.retryAfter());
            }
            return;
        }
        final Route route = routes.get(pathOf(target));
        if (route instanceof FileRoute file) {
            serveFile(file.file(), request, response);
        } else if (route instanceof StatusRoute status) {
            textResponse(response, status.status());
        } else if (route instanceof RedirectRoute redirect) {
            textResponse(response, redirect.status());
            response.setHeader(HttpHeaders.LOCATION, redirect.location());
        } else if (route instanceof ContentRoute content) {
            response.setCode(HttpStatus.SC_OK);
            response.setEntity(new ByteArrayEntity(content.body(), ContentType.parse(content.contentType())));
        } else if (route instanceof EchoRoute) {
            echo(request, response);
        } else {
            textResponse(response, HttpStatus.SC_NOT_FOUND);
        }
    }

    /** Answers with the request's body and content type, and its method in {@code X-Echo-Method}. */
    private static void echo(ClassicHttpRequest request, ClassicHttpResponse response) {
        response.setCode(HttpStatus.SC_OK);
        response.setHeader("X-Echo-Method", request.getMethod());
        final HttpEntity entity = request.getEntity();
        try {
            final byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
            final String type = entity == null || entity.getContentType() == null ? "application/octet-stream"
                    : entity.getContentType();
            response.setEntity(new ByteArrayEntity(body, ContentType.parse(type)));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Records {@code request} with the server; @return its target */
    private String record(ClassicHttpRequest request) {
        final long startNanos = System.nanoTime();
        final String target = targetOf(request);
        final Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : request.getHeaders()) {
            headers.merge(header.getName().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + ", " + b);
        }
        server.record(new RecordedRequest(request.getMethod(), target, headers, startNanos));
        return target;
    }

    private static String targetOf(ClassicHttpRequest request) {
        return request.getPath() == null ? "/" : request.getPath();
    }

    private static void textResponse(ClassicHttpResponse response, int status) {
        response.setCode(status);
        if (status != HttpStatus.SC_NO_CONTENT && status != HttpStatus.SC_NOT_MODIFIED) {
            final String reason = EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ENGLISH);
            response.setEntity(new StringEntity(status + (reason == null ? "" : " " + reason) + "\n",
                    ContentType.TEXT_PLAIN));
        }
    }

    private void serveFile(TestFile file, ClassicHttpRequest request, ClassicHttpResponse response) {
        final String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            textResponse(response, HttpStatus.SC_METHOD_NOT_ALLOWED);
            response.setHeader(HttpHeaders.ALLOW, "GET, HEAD");
            return;
        }
        final Header authorization = request.getFirstHeader(HttpHeaders.AUTHORIZATION);
        if (!file.basicGate().admits(authorization)) {
            textResponse(response, HttpStatus.SC_UNAUTHORIZED);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"test\", charset=\"UTF-8\"");
            return;
        }
        final DigestCheck digest = file.digest();
        if (digest != null && !digest.accepts(authorization == null ? null : authorization.getValue(),
                request.getPath())) {
            textResponse(response, HttpStatus.SC_UNAUTHORIZED);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, DigestCheck.challenge());
            return;
        }
        final Header rangeHeader = request.getFirstHeader(HttpHeaders.RANGE);
        final TestFile.RangeRefusal refusal = file.refusalFor(rangeHeader == null ? null : rangeHeader.getValue());
        if (refusal != null) {
            textResponse(response, refusal.status());
            if (refusal.retryAfter() != null) {
                response.setHeader(HttpHeaders.RETRY_AFTER, refusal.retryAfter());
            }
            return;
        }
        final FileContent content = file.content();
        final long size = content.size();
        if (!file.etagOmitted()) {
            String etag = file.servedEtag(content.etag());
            response.setHeader(HttpHeaders.ETAG, file.etagWeak() ? "W/" + etag : etag);
        }
        if (!file.lastModifiedOmitted()) {
            response.setHeader(HttpHeaders.LAST_MODIFIED, content.lastModified());
        }
        if (file.acceptRanges() != null) {
            response.setHeader(HttpHeaders.ACCEPT_RANGES, file.acceptRanges());
        }

        final Header ifRange = file.ifRangeIgnored() ? null : request.getFirstHeader(HttpHeaders.IF_RANGE);
        final RequestedRange range = file.rangesIgnored() || !file.rangesOffered() ? RequestedRange.whole(size)
                : RequestedRange.of(rangeHeader == null ? null : rangeHeader.getValue(),
                        ifRange == null ? null : ifRange.getValue(), file.servedEtag(content.etag()),
                        content.lastModified(), size);
        range.applyTo(response);
        if (!range.satisfiable()) {
            textResponse(response, range.status());
            return;
        }
        final String disposition = file.contentDispositionValue();
        if (disposition != null) {
            response.setHeader("Content-Disposition", disposition);
        }
        response.setEntity(new TestBody(content.seed(), range.first(), range.length(), file.chunked(),
                () -> effectiveRate(file, rangeHeader == null), file.dropAfterBytes(), server::isClosed, file::served));
    }

    private long effectiveRate(TestFile file, boolean unranged) {
        final long slow = file.unrangedThrottleBytesPerSecond();
        if (unranged && slow > 0) {
            return slow;
        }
        final long own = file.throttleBytesPerSecond();
        return own > 0 ? own : server.throttle();
    }
}
