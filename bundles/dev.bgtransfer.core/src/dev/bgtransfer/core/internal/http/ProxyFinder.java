package dev.bgtransfer.core.internal.http;

import java.net.URI;
import java.util.Optional;

/**
 * Decides, per URL, whether a connection goes through an HTTP proxy. The platform's proxy settings
 * ({@code org.eclipse.core.net}) register one as a service when present; {@link SystemProxyFinder}
 * is the fallback.
 */
@FunctionalInterface
public interface ProxyFinder {

    /** @return the proxy for connections to {@code url}; empty for a direct connection */
    Optional<HttpProxy> find(URI url);
}
