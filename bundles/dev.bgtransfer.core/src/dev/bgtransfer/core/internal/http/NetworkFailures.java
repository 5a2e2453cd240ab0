package dev.bgtransfer.core.internal.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Locale;

import javax.net.ssl.SSLException;

import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferFailure.Kind;
import dev.bgtransfer.core.TransferOptions;

/**
 * Turns what the network, a server or a proxy did wrong into a {@link TransferException} with a
 * sentence a person can act on.
 */
public final class NetworkFailures {

    private NetworkFailures() {
    }

    /**
     * @param error     what the network layer threw
     * @param url       where the connection went
     * @param connected whether the response head had arrived (a timeout is then a stall)
     */
    public static TransferException network(IOException error, URI url, boolean connected, TransferOptions options) {
        long connectTimeoutSeconds = options.connectTimeout().toSeconds();
        long stallTimeoutSeconds = options.stallTimeout().toSeconds();
        String host = url.getHost();
        if (error instanceof ProxyException proxy) {
            return proxy.toTransferException();
        }
        if (error instanceof UnknownHostException) {
            return TransferException.permanent(Kind.NETWORK, NLS.bind(Messages.unknownHost, host));
        }
        if (error instanceof MessageConstraintException tooLong) {
            return new TransferException(new TransferFailure(Kind.PROTOCOL,
                    NLS.bind(Messages.protocol, host, TransferException.describe(tooLong))), false, error);
        }
        if (error instanceof SSLException) {
            return new TransferException(new TransferFailure(Kind.TLS, tlsMessage(error, host)), false, error);
        }
        String message;
        if (error instanceof SocketTimeoutException) {
            boolean connecting = !connected && String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT)
                    .contains("connect timed out");
            message = connecting ? NLS.bind(Messages.connectTimeout, host, connectTimeoutSeconds)
                    : NLS.bind(Messages.stalled, host, stallTimeoutSeconds);
        } else if (error instanceof ConnectException || error instanceof NoRouteToHostException) {
            message = NLS.bind(Messages.connectionRefused, host);
        } else {
            message = NLS.bind(Messages.connectionLost, host, TransferException.describe(error));
        }
        return new TransferException(new TransferFailure(Kind.NETWORK, message), true, error);
    }

    private static String tlsMessage(IOException error, String host) {
        String detail = String.valueOf(error.getMessage());
        if (detail.contains("No subject alternative") || detail.contains("No name matching")) {
            return NLS.bind(Messages.tlsWrongHost, host);
        }
        if (detail.contains("PKIX") || detail.contains("certification path")) {
            return NLS.bind(Messages.tlsUntrusted, host);
        }
        return NLS.bind(Messages.tls, host, TransferException.describe(error));
    }

    public static TransferException protocol(HttpException error, URI url) {
        return new TransferException(new TransferFailure(Kind.PROTOCOL,
                NLS.bind(Messages.protocol, url.getHost(), TransferException.describe(error))), false, error);
    }

    /** @return whether a later request may get another answer than this status: 408, 429 and 5xx */
    public static boolean isTransientStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    public static TransferException httpStatus(Exchange exchange) {
        int status = exchange.status();
        boolean retryable = isTransientStatus(status);
        return TransferException.ofStatus(status, new TransferFailure(Kind.HTTP_STATUS,
                NLS.bind(Messages.httpStatus, exchange.statusText(), exchange.url())), retryable,
                RetryAfter.parse(exchange.header("Retry-After"), Instant.now()).orElse(null));
    }

    public static TransferException truncated(URI url, long received, long expected) {
        return new TransferException(new TransferFailure(Kind.NETWORK,
                NLS.bind(Messages.truncated, new Object[] { url.getHost(), received, expected })), true, null);
    }
}
