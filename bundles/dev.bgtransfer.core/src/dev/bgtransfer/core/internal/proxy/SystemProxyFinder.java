package dev.bgtransfer.core.internal.proxy;

import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.bgtransfer.core.internal.http.HttpProxy;
import dev.bgtransfer.core.internal.http.ProxyFinder;

/**
 * The proxies of a process without the platform's proxy service: the JDK's conventions
 * ({@code http.proxyHost}, {@code https.proxyHost}, {@code http.nonProxyHosts},
 * {@code java.net.useSystemProxies}, through {@link ProxySelector#getDefault()}) when any of them is
 * set, else the environment variables a command line's user expects ({@link EnvironmentProxyFinder}).
 * Credentials for a JDK proxy come from {@code http(s).proxyUser} and {@code http(s).proxyPassword},
 * the properties Eclipse itself sets from its proxy preferences. Only HTTP proxies are used.
 */
public final class SystemProxyFinder implements ProxyFinder {
    private final EnvironmentProxyFinder environment;

    public SystemProxyFinder(Map<String, String> environment) {
        this.environment = new EnvironmentProxyFinder(environment);
    }

    @Override
    public Optional<HttpProxy> find(URI url) {
        return jdkConfigured() ? jdk(url) : environment.find(url);
    }

    private static boolean jdkConfigured() {
        return Boolean.getBoolean("java.net.useSystemProxies")
                || Stream.of("http.proxyHost", "https.proxyHost", "socksProxyHost").map(System::getProperty)
                        .anyMatch(value -> value != null && !value.isBlank());
    }

    private static Optional<HttpProxy> jdk(URI url) {
        ProxySelector selector = ProxySelector.getDefault();
        if (selector == null) {
            return Optional.empty();
        }
        for (Proxy proxy : selector.select(url)) {
            if (proxy.type() == Proxy.Type.DIRECT) {
                return Optional.empty();
            }
            if (proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress address) {
                return Optional.of(new HttpProxy(address.getHostString(), address.getPort(), credentials(url)));
            }
        }
        return Optional.empty();
    }

    private static PasswordAuthentication credentials(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String user = System.getProperty(scheme + ".proxyUser");
        String password = System.getProperty(scheme + ".proxyPassword");
        return user == null || user.isEmpty() || password == null ? null
                : new PasswordAuthentication(user, password.toCharArray());
    }
}
