package dev.bgtransfer.samples.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;

import dev.bgtransfer.samples.internal.http.BasicGate;
import dev.bgtransfer.samples.internal.http.PacedBody;
import dev.bgtransfer.samples.internal.http.RequestedRange;

/**
 * Answers {@code GET} and {@code HEAD} for the demo files: 200 with the whole file, 206 for a
 * satisfiable {@code Range} (unless an {@code If-Range} names another entity), 416 for a range past
 * the end, 404 for other paths and 405 for other methods.
 */
final class SampleHandler implements HttpRequestHandler {
    private final LongSupplier bytesPerSecond;
    private final AccessLog accessLog;
    private final BasicGate gate;

    SampleHandler(LongSupplier bytesPerSecond, AccessLog accessLog, BasicGate gate) {
        this.bytesPerSecond = bytesPerSecond;
        this.accessLog = accessLog;
        this.gate = gate;
    }

    @Override
    public void handle(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context) {
        answer(request, response);
        accessLog.record(request, response.getCode());
    }

    private void answer(ClassicHttpRequest request, ClassicHttpResponse response) {
        String path = request.getPath() == null ? "/" : request.getPath().replaceFirst("[?#].*", "");
        Optional<SampleEntry> entry = SampleCatalog.find(path);
        if (entry.isEmpty()) {
            text(response, HttpStatus.SC_NOT_FOUND, "Not found\n");
            return;
        }
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            text(response, HttpStatus.SC_METHOD_NOT_ALLOWED, "Only GET and HEAD\n");
            response.setHeader(HttpHeaders.ALLOW, "GET, HEAD");
            return;
        }
        if (!gate.admits(request.getFirstHeader(HttpHeaders.AUTHORIZATION))) {
            text(response, HttpStatus.SC_UNAUTHORIZED, "Sign in\n");
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"bgtransfer samples\", charset=\"UTF-8\"");
            return;
        }
        serve(entry.get(), request, response);
    }

    private void serve(SampleEntry file, ClassicHttpRequest request, ClassicHttpResponse response) {
        response.setHeader(HttpHeaders.ETAG, file.etag());
        response.setHeader(HttpHeaders.LAST_MODIFIED, SampleCatalog.LAST_MODIFIED);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        RequestedRange range = RequestedRange.of(request, file.etag(), SampleCatalog.LAST_MODIFIED, file.size());
        range.applyTo(response);
        if (range.satisfiable()) {
            response.setEntity(new PacedBody(file.seed(), range.first(), range.length(), bytesPerSecond));
        } else {
            text(response, range.status(), "Range not satisfiable\n");
        }
    }

    private static void text(ClassicHttpResponse response, int status, String body) {
        response.setCode(status);
        response.setEntity(new StringEntity(body, ContentType.TEXT_PLAIN));
    }
}
