package dev.bgtransfer.core.internal.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.regex.Pattern;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.bootstrap.HttpRequester;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.io.CloseMode;

import dev.bgtransfer.core.TransferOptions;

/**
 * Connections through an HTTP proxy, which HttpCore does not route by itself. For {@code http}
 * the connection goes to the proxy, which gets the request in absolute form; for {@code https} a
 * {@code CONNECT} tunnel to the server, then TLS inside it with the JDK's trust and host-name check
 * against the server (not the proxy). Proxy credentials go in Basic to the proxy only. Each
 * connection serves one request and is closed with it: downloads are long, so reuse gains little.
 */
final class ProxyConnector {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

    private final HttpRequester requester;
    private final Http1Config http1Config;
    private final SSLSocketFactory tls;

    /** @param requester runs the CONNECT exchange with the client's protocol processors */
    ProxyConnector(HttpRequester requester, Http1Config http1Config, SSLSocketFactory tls) {
        this.requester = requester;
        this.http1Config = http1Config;
        this.tls = tls;
    }

    /**
     * @return a connection on which the request for {@code origin} can go: to the proxy for http, a
     *         TLS tunnel to {@code origin} for https; attached to {@code abort}
     * @throws ProxyException when the proxy cannot be reached or refuses the tunnel
     */
    HttpClientConnection open(HttpProxy proxy, HttpHost origin, TransferOptions options, ConnectionAbort abort)
            throws IOException, HttpException {
        Socket socket = connect(proxy, options);
        DefaultBHttpClientConnection toProxy = new DefaultBHttpClientConnection(http1Config);
        try {
            toProxy.bind(socket);
            abort.attach(toProxy);
            if (!origin.getSchemeName().equalsIgnoreCase("https")) {
                return toProxy;
            }
            tunnel(toProxy, proxy, origin, options);
            DefaultBHttpClientConnection tunnelled = new DefaultBHttpClientConnection(http1Config);
            tunnelled.bind(handshake(socket, origin), socket);
            abort.attach(tunnelled);
            return tunnelled;
        } catch (IOException | HttpException | RuntimeException failed) {
            toProxy.close(CloseMode.IMMEDIATE);
            throw failed;
        }
    }

    private static Socket connect(HttpProxy proxy, TransferOptions options) throws ProxyException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) options.stallTimeout().toMillis());
            socket.connect(new InetSocketAddress(proxy.host(), proxy.port()), (int) options.connectTimeout().toMillis());
            return socket;
        } catch (IOException unreachable) {
            closeQuietly(socket);
            throw ProxyException.unreachable(unreachable, proxy, options);
        }
    }

    private void tunnel(HttpClientConnection toProxy, HttpProxy proxy, HttpHost origin, TransferOptions options)
            throws IOException, HttpException {
        String authority = HttpTransport.authority(bareHost(origin), origin.getPort());
        // with the host given apart, HttpCore takes the target as it is: CONNECT host:port (authority form)
        BasicClassicHttpRequest connect = new BasicClassicHttpRequest(Method.CONNECT, origin, authority);
        connect.setHeader("Host", authority);
        String authorization = proxy.basicAuthorization();
        if (authorization != null) {
            connect.setHeader("Proxy-Authorization", authorization);
        }
        ClassicHttpResponse response;
        try {
            response = requester.execute(toProxy, connect, HttpCoreContext.create());
        } catch (IOException lost) {
            throw ProxyException.noTunnel(lost, proxy, options, authority);
        }
        int status = response.getCode();
        if (status == 407) {
            throw ProxyException.credentials(proxy);
        }
        if (status < 200 || status > 299) {
            throw ProxyException.tunnelRefused(proxy, status, Exchange.statusText(response), authority);
        }
    }

    /** @return the host name or address, an IPv6 address without the brackets a URL puts around it */
    private static String bareHost(HttpHost origin) {
        String host = origin.getHostName();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** TLS over the tunnel, with SNI and the host-name check for the server the URL names. */
    private SSLSocket handshake(Socket tunnel, HttpHost origin) throws IOException {
        String host = bareHost(origin);
        SSLSocket secure = (SSLSocket) tls.createSocket(tunnel, host, origin.getPort(), true);
        SSLParameters parameters = secure.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!IP_LITERAL.matcher(host).matches()) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        secure.setSSLParameters(parameters);
        secure.startHandshake();
        return secure;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // it never connected
        }
    }
}
