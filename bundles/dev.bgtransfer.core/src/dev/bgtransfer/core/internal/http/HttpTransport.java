package dev.bgtransfer.core.internal.http;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.net.ssl.SSLSocketFactory;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.Http1StreamListener;
import org.apache.hc.core5.http.impl.HttpProcessors;
import org.apache.hc.core5.http.impl.bootstrap.HttpRequester;
import org.apache.hc.core5.http.impl.bootstrap.RequesterBootstrap;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.HttpResponseInformationCallback;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.internal.timeline.Timeline;

/**
 * The HTTP client side: an HttpCore 5 requester with a connection pool that never holds more than
 * the per-host limit of connections to one host, the JDK's trust store and host-name
 * verification for HTTPS, proxies as {@link ProxyFinder} says per URL, and a way to abort a
 * blocking read from another thread. Each request of a transfer, its answer's head or the failure
 * that left it without one, goes into the transfer's {@link Timeline} when the caller gives one.
 */
public final class HttpTransport implements AutoCloseable {
    static final String USER_AGENT = "bgtransfer/0.1";
    private static final int MAX_TOTAL_CONNECTIONS = 256;
    /** A server cannot make the client hold more than this per header line, nor more lines. */
    private static final int MAX_HEADER_LINE = 16 * 1024;
    private static final int MAX_HEADER_COUNT = 200;
    private static final int BUFFER_SIZE = 64 * 1024;
    /** The request on this thread: its abort handle for the stream listener to attach to, and its options. */
    private static final ThreadLocal<Sending> CURRENT = new ThreadLocal<>();

    private final HttpRequester requester;
    private final ProxyFinder proxies;
    private final ProxyConnector proxyConnector;

    /**
     * @param options           the service's: the per-host limit, the default timeouts
     * @param extraCertificates certificates to trust besides the JDK's, or {@code null}
     * @param proxies           which URLs go through which proxy
     */
    public HttpTransport(TransferOptions options, Path extraCertificates, ProxyFinder proxies) {
        this.proxies = proxies;
        Http1Config http1Config = Http1Config.custom()
                .setMaxLineLength(MAX_HEADER_LINE)
                .setMaxHeaderCount(MAX_HEADER_COUNT)
                .setBufferSize(BUFFER_SIZE)
                .build();
        SSLSocketFactory tls = tlsSocketFactory(extraCertificates);
        this.requester = RequesterBootstrap.bootstrap()
                .setHttpProcessor(HttpProcessors.client(USER_AGENT))
                .setHttp1Config(http1Config)
                .setSocketConfig(SocketConfig.custom()
                        .setSoTimeout(Timeout.of(options.stallTimeout()))
                        .setTcpNoDelay(true)
                        .build())
                .setSslSocketFactory(tls)
                .setSslSetupHandler(parameters -> parameters.setEndpointIdentificationAlgorithm("HTTPS"))
                .setDefaultMaxPerRoute(options.maxConnectionsPerHost())
                .setMaxTotal(MAX_TOTAL_CONNECTIONS)
                .setStreamListener(new AttachingListener())
                .create();
        this.proxyConnector = new ProxyConnector(requester, http1Config, tls);
    }

    /**
     * The JDK's trust is loaded on the first TLS connection, not before; a file of certificates a
     * person named is read at once, so that a file that is no certificates is refused when the
     * service starts rather than at the first https URL.
     */
    private static SSLSocketFactory tlsSocketFactory(Path extraCertificates) {
        if (extraCertificates != null) {
            return TlsContexts.create(extraCertificates).getSocketFactory();
        }
        return new DeferredTlsSocketFactory(() -> TlsContexts.create(null).getSocketFactory());
    }

    /** Takes the service's new per-host limit; each request brings its own timeouts. */
    public void setOptions(TransferOptions newOptions) {
        requester.setDefaultMaxPerRoute(newOptions.maxConnectionsPerHost());
    }

    /**
     * Sends a GET and returns once the response head arrived.
     *
     * @param url     an absolute http(s) URL
     * @param headers extra request headers
     * @param abort   attached to the connection, so that another thread can break the read
     * @param options the timeouts of this request (its session's)
     */
    public Exchange get(URI url, Map<String, String> headers, ConnectionAbort abort, TransferOptions options)
            throws IOException, HttpException {
        return get(url, headers, abort, options, Timeline.NONE);
    }

    /** As {@link #get(URI, Map, ConnectionAbort, TransferOptions)}, recorded in {@code timeline}. */
    public Exchange get(URI url, Map<String, String> headers, ConnectionAbort abort, TransferOptions options,
            Timeline timeline) throws IOException, HttpException {
        HttpHost host = hostOf(url);
        BasicClassicHttpRequest request = new BasicClassicHttpRequest(Method.GET, host, requestTarget(url));
        request.addHeader("Accept-Encoding", "identity");
        headers.forEach(request::addHeader);
        Optional<HttpProxy> proxy = proxies.find(url);
        ExchangeRecords.request(timeline, Method.GET.name(), url, headers, proxy);
        CURRENT.set(new Sending(abort, options));
        try {
            Exchange exchange;
            if (proxy.isPresent()) {
                exchange = throughProxy(url, request, proxy.get(), abort, options, null);
            } else {
                exchange = new Exchange(url, requester.execute(host, request, Timeout.of(options.connectTimeout()),
                        HttpCoreContext.create()), abort);
            }
            ExchangeRecords.response(timeline, exchange);
            return exchange;
        } catch (IOException | HttpException | RuntimeException failed) {
            ExchangeRecords.noResponse(timeline, url, failed);
            throw failed;
        } finally {
            CURRENT.remove();
        }
    }

    /**
     * Sends a request with any method and, when given, a body, and returns once the response head
     * arrived: what a data task sends. Like {@link #get}, through the URL's proxy when there is one.
     *
     * @param method      the request's method, for example {@code POST}
     * @param url         an absolute http(s) URL
     * @param headers     extra request headers
     * @param body        the bytes to send, or {@code null} for none
     * @param contentType the media type of {@code body}; ignored without one
     * @param abort       attached to the connection, so that another thread can break the read
     * @param options     the timeouts of this request (its session's)
     */
    public Exchange send(String method, URI url, Map<String, String> headers, byte[] body, String contentType,
            ConnectionAbort abort, TransferOptions options) throws IOException, HttpException {
        Map<String, String> identity = new LinkedHashMap<>(headers);
        identity.putIfAbsent("Accept-Encoding", "identity");
        return send(method, url, identity, body == null ? null : new ByteArrayEntity(body, ContentType.parse(contentType)),
                interim -> {
                    // a data task has no use for interim answers
                }, abort, options);
    }

    /**
     * Sends a request with any method and an optional body, and returns once the final response
     * head arrived. Interim (1xx) responses other than 100 go to {@code interim} as they arrive; with
     * {@code Expect: 100-continue} among {@code headers} the body waits for the server's 100 (or
     * about three seconds), so that interim responses the server sends first are seen before the
     * body goes out, and a final refusal (413) means the body is never sent at all.
     *
     * @param method  the request method, for example {@code PATCH}
     * @param body    the request body, or {@code null}
     * @param interim hears each interim response, on the calling thread
     */
    public Exchange send(String method, URI url, Map<String, String> headers, HttpEntity body,
            Consumer<HttpResponse> interim, ConnectionAbort abort, TransferOptions options)
            throws IOException, HttpException {
        return send(method, url, headers, body, interim, abort, options, Timeline.NONE);
    }

    /** As {@link #send(String, URI, Map, HttpEntity, Consumer, ConnectionAbort, TransferOptions)}, recorded in {@code timeline}. */
    public Exchange send(String method, URI url, Map<String, String> headers, HttpEntity body,
            Consumer<HttpResponse> interim, ConnectionAbort abort, TransferOptions options, Timeline timeline)
            throws IOException, HttpException {
        HttpHost host = hostOf(url);
        BasicClassicHttpRequest request = new BasicClassicHttpRequest(method, host, requestTarget(url));
        headers.forEach(request::addHeader);
        request.setEntity(body);
        HttpResponseInformationCallback informational = (response, connection, context) -> interim.accept(response);
        Optional<HttpProxy> proxy = proxies.find(url);
        ExchangeRecords.request(timeline, method, url, headers, proxy);
        CURRENT.set(new Sending(abort, options));
        try {
            Exchange exchange;
            if (proxy.isPresent()) {
                exchange = throughProxy(url, request, proxy.get(), abort, options, informational);
            } else {
                exchange = new Exchange(url, requester.execute(host, request, informational,
                        Timeout.of(options.connectTimeout()), HttpCoreContext.create()), abort);
            }
            ExchangeRecords.response(timeline, exchange);
            return exchange;
        } catch (IOException | HttpException | RuntimeException failed) {
            ExchangeRecords.noResponse(timeline, url, failed);
            throw failed;
        } finally {
            CURRENT.remove();
        }
    }

    /** Sends the request on a connection of its own through {@code proxy}; closing the exchange closes it. */
    private Exchange throughProxy(URI url, BasicClassicHttpRequest request, HttpProxy proxy, ConnectionAbort abort,
            TransferOptions options, HttpResponseInformationCallback informational) throws IOException, HttpException {
        HttpHost origin = hostOf(url);
        boolean plainHttp = origin.getSchemeName().equals("http");
        HttpClientConnection connection = proxyConnector.open(proxy, origin, options, abort);
        try {
            if (plainHttp) {
                // through the tunnel the server gets the usual request; a plain proxy needs the absolute URL
                request.setAbsoluteRequestUri(true);
                String authorization = proxy.basicAuthorization();
                if (authorization != null) {
                    request.setHeader("Proxy-Authorization", authorization);
                }
            }
            ClassicHttpResponse response = requester.execute(connection, request, informational,
                    HttpCoreContext.create());
            if (plainHttp && response.getCode() == 407) {
                throw ProxyException.credentials(proxy);
            }
            return new Exchange(url, response, abort, connection);
        } catch (IOException | HttpException | RuntimeException failed) {
            connection.close(CloseMode.IMMEDIATE);
            throw failed;
        }
    }

    /**
     * @return the scheme, host and port that connections to {@code url} go to; an IPv6 address keeps
     *         the URL's brackets, which HttpCore needs when it writes an absolute URL for a proxy
     */
    public static HttpHost hostOf(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return new HttpHost(scheme, url.getHost().toLowerCase(Locale.ROOT), port);
    }

    /** @return {@code host:port}, an IPv6 address in brackets, as a request line or a message names a server */
    static String authority(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** @return the path and query of {@code url}, as a request line carries them */
    public static String requestTarget(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    @Override
    public void close() {
        requester.close(CloseMode.IMMEDIATE);
    }

    /** Hands each connection, as its request goes out, to the abort handle of the thread using it. */
    private final class AttachingListener implements Http1StreamListener {
        @Override
        public void onRequestHead(HttpConnection connection, HttpRequest request) {
            Sending sending = CURRENT.get();
            if (sending != null) {
                connection.setSocketTimeout(Timeout.of(sending.options().stallTimeout()));
                sending.abort().attach(connection);
            }
        }

        @Override
        public void onResponseHead(HttpConnection connection, HttpResponse response) {
            // nothing to do
        }

        @Override
        public void onExchangeComplete(HttpConnection connection, boolean keepAlive) {
            // nothing to do
        }
    }

    private record Sending(ConnectionAbort abort, TransferOptions options) {
    }
}
