package dev.bgtransfer.core.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.StatusLine;
import org.apache.hc.core5.io.CloseMode;

/** One response being read: its status, headers and body, and the connection it holds. */
public final class Exchange implements AutoCloseable {
    /** Bodies up to this size are read to the end on close so that the connection can be reused. */
    private static final long DRAIN_LIMIT = 64 * 1024;

    private final URI url;
    private final ClassicHttpResponse response;
    private final ConnectionAbort abort;
    /** A connection of this exchange alone (through a proxy), closed with it; null for a pooled one. */
    private final HttpClientConnection ownConnection;
    private boolean bodyConsumed;
    private boolean closed;

    Exchange(URI url, ClassicHttpResponse response, ConnectionAbort abort) {
        this(url, response, abort, null);
    }

    Exchange(URI url, ClassicHttpResponse response, ConnectionAbort abort, HttpClientConnection ownConnection) {
        this.url = url;
        this.response = response;
        this.abort = abort;
        this.ownConnection = ownConnection;
    }

    public URI url() {
        return url;
    }

    public int status() {
        return response.getCode();
    }

    /** @return for example "404 Not Found" */
    public String statusText() {
        return statusText(response);
    }

    /** @return for example "404 Not Found" */
    static String statusText(HttpResponse response) {
        return new StatusLine(response).toString().replaceFirst("^HTTP/\\S+\\s+", "");
    }

    /** @return the header's value, or {@code null} when absent */
    public String header(String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    /** @return the values of every {@code name} header, in order */
    public List<String> headerValues(String name) {
        return Arrays.stream(response.getHeaders(name)).map(Header::getValue).toList();
    }

    /** @return every header, names as the server wrote them, the values of each in order */
    public Map<String, List<String>> headers() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            all.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return all;
    }

    /** @return the number of {@code name} headers */
    public int headerCount(String name) {
        return response.getHeaders(name).length;
    }

    /** @return the body's length, or -1 when the server did not say */
    public long contentLength() {
        HttpEntity entity = response.getEntity();
        return entity == null ? 0 : entity.getContentLength();
    }

    public InputStream body() throws IOException {
        HttpEntity entity = response.getEntity();
        return entity == null ? InputStream.nullInputStream() : entity.getContent();
    }

    /** Marks the body as read to its end, so the connection may be kept alive. */
    public void bodyConsumed() {
        bodyConsumed = true;
    }

    /** Closes once; a second close does nothing (its connection may serve another request by then). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        HttpEntity entity = response.getEntity();
        long length = entity == null ? 0 : entity.getContentLength();
        if (!bodyConsumed && (length < 0 || length > DRAIN_LIMIT)) {
            abort.discardConnection();
        }
        try {
            if (!bodyConsumed && entity != null && length >= 0 && length <= DRAIN_LIMIT) {
                EntityUtils.consume(entity);
            }
            response.close();
        } catch (IOException closing) {
            abort.discardConnection();
        } finally {
            if (ownConnection != null) {
                ownConnection.close(CloseMode.IMMEDIATE);
            }
        }
    }
}
