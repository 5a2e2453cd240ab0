package dev.bgtransfer.core.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import javax.net.ssl.SSLException;

import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferFailure.Kind;
import dev.bgtransfer.core.TransferOptions;

/** Turns what went wrong into a {@link TransferException} with a sentence a person can act on. */
final class Failures {

    private Failures() {
    }

    /**
     * @param error     what the network layer threw
     * @param url       where the connection went
     * @param connected whether the response head had arrived (a timeout is then a stall)
     */
    static TransferException network(IOException error, URI url, boolean connected, TransferOptions options) {
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
                    NLS.bind(Messages.protocol, host, describe(tooLong))), false, error);
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
            message = NLS.bind(Messages.connectionLost, host, describe(error));
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
        return NLS.bind(Messages.tls, host, describe(error));
    }

    static TransferException protocol(HttpException error, URI url) {
        return new TransferException(new TransferFailure(Kind.PROTOCOL,
                NLS.bind(Messages.protocol, url.getHost(), describe(error))), false, error);
    }

    static TransferException httpStatus(Exchange exchange) {
        int status = exchange.status();
        boolean retryable = status == 408 || status == 429 || status >= 500;
        return new TransferException(new TransferFailure(Kind.HTTP_STATUS,
                NLS.bind(Messages.httpStatus, exchange.statusText(), exchange.url())), retryable,
                RetryPolicy.parseRetryAfter(exchange.header("Retry-After"), Instant.now()).orElse(null), null);
    }

    static TransferException truncated(URI url, long received, long expected) {
        return new TransferException(new TransferFailure(Kind.NETWORK,
                NLS.bind(Messages.truncated, new Object[] { url.getHost(), received, expected })), true, null);
    }

    static TransferException disk(IOException error, Path file) {
        String message;
        String detail = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
        TransferFailure full = new TransferFailure(Kind.DISK, NLS.bind(Messages.diskFull, file));
        if (detail.contains("no space") || detail.contains("disk full")) {
            return TransferException.noSpace(full, error);
        }
        if (detail.contains("quota")) {
            // the usable space of the disk does not show a quota: there is nothing to wait for
            return new TransferException(full, false, error);
        }
        if (error instanceof AccessDeniedException || detail.contains("permission denied")) {
            message = NLS.bind(Messages.diskDenied, file);
        } else {
            message = NLS.bind(Messages.disk, file, describe(error));
        }
        return new TransferException(new TransferFailure(Kind.DISK, message), false, error);
    }

    private static String describe(Exception error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
