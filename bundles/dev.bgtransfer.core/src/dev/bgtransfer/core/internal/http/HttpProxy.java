package dev.bgtransfer.core.internal.http;

import java.net.PasswordAuthentication;
import java.util.Objects;

/**
 * An HTTP proxy that a connection goes through, and the credentials it may want.
 *
 * @param host        the proxy's host name or address
 * @param port        the proxy's port
 * @param credentials for the proxy only (never sent to an origin), or {@code null}
 */
public record HttpProxy(String host, int port, PasswordAuthentication credentials) {

    public HttpProxy {
        Objects.requireNonNull(host, "host");
    }

    /** @return {@code host:port}, as messages name the proxy */
    public String address() {
        return HttpTransport.authority(host, port);
    }

    /** @return the {@code Proxy-Authorization} value for Basic, or {@code null} without credentials */
    String basicAuthorization() {
        return credentials == null ? null : HttpAuthentication.basic(credentials);
    }

    /** Never shows the credentials. */
    @Override
    public String toString() {
        return "HttpProxy[" + address() + (credentials == null ? "" : ", with credentials") + "]";
    }
}
