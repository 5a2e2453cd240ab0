package dev.bgtransfer.samples.internal.http;

import java.net.InetAddress;

import org.apache.hc.core5.http.ExceptionListener;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/** How the sample and test servers set up HttpCore's classic (blocking) server. */
public final class LoopbackServers {
    private static final Timeout SOCKET_TIMEOUT = Timeout.ofSeconds(60);

    private LoopbackServers() {
    }

    /**
     * @param address a local address to listen on
     * @param port    the port, 0 for an ephemeral one
     * @param handler answers every request
     * @param errors  hears the server's errors, e.g. {@link QuietErrors}
     * @return a bootstrap to add to, then {@code create()} and {@code start()}: a minute's read
     *         timeout, no Nagle delay, the address reusable at once after a previous server's end
     */
    public static ServerBootstrap bootstrap(InetAddress address, int port, HttpRequestHandler handler,
            ExceptionListener errors) {
        return ServerBootstrap.bootstrap()
                .setLocalAddress(address)
                .setListenerPort(port)
                .setCanonicalHostName(address.getHostAddress())
                .setSocketConfig(SocketConfig.custom()
                        .setSoTimeout(SOCKET_TIMEOUT)
                        .setSoReuseAddress(true)
                        .setTcpNoDelay(true)
                        .build())
                .setExceptionListener(errors)
                .setRequestRouter((request, context) -> handler);
    }
}
