package dev.bgtransfer.core.internal.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferFailure.Kind;
import dev.bgtransfer.core.TransferOptions;

/** The proxy, not the server, stopped a request: the failure names the proxy. */
final class ProxyException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient TransferFailure failure;
    private final boolean retryable;

    private ProxyException(Kind kind, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.failure = new TransferFailure(kind, message);
        this.retryable = retryable;
    }

    /** The proxy could not be reached, or dropped the connection before the server's answer. */
    static ProxyException unreachable(IOException error, HttpProxy proxy, TransferOptions options) {
        String address = proxy.address();
        if (error instanceof UnknownHostException) {
            return new ProxyException(Kind.NETWORK, NLS.bind(Messages.proxyUnknown, proxy.host()), false, error);
        }
        String message;
        if (error instanceof ConnectException || error instanceof NoRouteToHostException) {
            message = NLS.bind(Messages.proxyRefused, address);
        } else if (error instanceof SocketTimeoutException) {
            message = NLS.bind(Messages.proxyTimeout, address, options.connectTimeout().toSeconds());
        } else {
            message = NLS.bind(Messages.proxyLost, address, TransferException.describe(error));
        }
        return new ProxyException(Kind.NETWORK, message, true, error);
    }

    /**
     * The proxy took the connection but did not answer the request for a tunnel: it timed out or
     * closed the connection. Said as such, not as a proxy that refused connections.
     */
    static ProxyException noTunnel(IOException error, HttpProxy proxy, TransferOptions options, String origin) {
        String message = error instanceof SocketTimeoutException
                ? NLS.bind(Messages.proxyTunnelTimeout,
                        new Object[] { proxy.address(), options.stallTimeout().toSeconds(), origin })
                : NLS.bind(Messages.proxyTunnelLost, new Object[] { proxy.address(), origin, TransferException.describe(error) });
        return new ProxyException(Kind.NETWORK, message, true, error);
    }

    /** The proxy answered 407: it wants credentials, or did not take the ones it got. */
    static ProxyException credentials(HttpProxy proxy) {
        String message = proxy.credentials() == null ? Messages.proxyCredentialsNeeded : Messages.proxyCredentialsRefused;
        return new ProxyException(Kind.HTTP_STATUS, NLS.bind(message, proxy.address()), false, null);
    }

    /** The proxy would not open a tunnel to the server. */
    static ProxyException tunnelRefused(HttpProxy proxy, int status, String statusText, String origin) {
        boolean retryable = NetworkFailures.isTransientStatus(status);
        return new ProxyException(Kind.HTTP_STATUS,
                NLS.bind(Messages.proxyTunnelRefused, new Object[] { proxy.address(), statusText, origin }), retryable,
                null);
    }

    TransferException toTransferException() {
        return new TransferException(failure, retryable, this);
    }
}
