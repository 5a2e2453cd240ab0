package dev.bgtransfer.core.internal.proxy;

import java.net.PasswordAuthentication;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.bgtransfer.core.internal.http.HttpProxy;
import dev.bgtransfer.core.internal.http.ProxyFinder;

/**
 * The proxy environment variables that curl and most command-line tools honour: {@code http_proxy}
 * (lower case only, as curl: a CGI server turns a request's {@code Proxy:} header into
 * {@code HTTP_PROXY}), {@code https_proxy} or {@code HTTPS_PROXY}, {@code all_proxy} or
 * {@code ALL_PROXY}, and {@code no_proxy} or {@code NO_PROXY} (host names and domain suffixes,
 * {@code *} for all). A proxy URL may carry {@code user:password@}; only {@code http://} proxies
 * are used (curl's default port 1080). Loopback hosts always go direct, as with the JDK's
 * defaults: a proxy elsewhere cannot reach this machine's loopback servers.
 */
final class EnvironmentProxyFinder implements ProxyFinder {
    private static final int DEFAULT_PROXY_PORT = 1080;

    private final Map<String, String> environment;

    EnvironmentProxyFinder(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Optional<HttpProxy> find(URI url) {
        String host = url.getHost();
        if (host == null || isLoopback(host) || isExcluded(host)) {
            return Optional.empty();
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String proxy = scheme.equals("https") ? variable("https_proxy", "HTTPS_PROXY") : variable("http_proxy");
        return parse(proxy != null ? proxy : variable("all_proxy", "ALL_PROXY"));
    }

    private String variable(String... names) {
        return Arrays.stream(names).map(environment::get).filter(value -> value != null && !value.isBlank())
                .findFirst().map(String::strip).orElse(null);
    }

    private boolean isExcluded(String host) {
        String noProxy = variable("no_proxy", "NO_PROXY");
        if (noProxy == null) {
            return false;
        }
        String name = bare(host);
        for (String entry : noProxy.split(",")) {
            String domain = bare(entry.strip().replaceFirst("^\\*?\\.", "").replaceFirst(":\\d+$", ""));
            if (domain.equals("*") || !domain.isEmpty() && (name.equals(domain) || name.endsWith("." + domain))) {
                return true;
            }
        }
        return false;
    }

    private static String bare(String host) {
        return host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
    }

    private static boolean isLoopback(String host) {
        String name = bare(host);
        return name.equals("localhost") || name.endsWith(".localhost") || name.startsWith("127.")
                || name.equals("::1") || name.equals("0:0:0:0:0:0:0:1");
    }

    /** @return the proxy a variable names; empty when it is unset, unusable or not an http:// proxy */
    static Optional<HttpProxy> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        URI proxy;
        try {
            proxy = URI.create(value.contains("://") ? value : "http://" + value);
        } catch (IllegalArgumentException unusable) {
            return Optional.empty();
        }
        if (!"http".equalsIgnoreCase(proxy.getScheme()) || proxy.getHost() == null) {
            return Optional.empty();
        }
        int port = proxy.getPort() != -1 ? proxy.getPort() : DEFAULT_PROXY_PORT;
        return Optional.of(new HttpProxy(bare(proxy.getHost()), port, credentials(proxy.getRawUserInfo())));
    }

    private static PasswordAuthentication credentials(String rawUserInfo) {
        if (rawUserInfo == null || rawUserInfo.isEmpty()) {
            return null;
        }
        int colon = rawUserInfo.indexOf(':');
        String user = colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon);
        String password = colon < 0 ? "" : rawUserInfo.substring(colon + 1);
        return new PasswordAuthentication(decode(user), decode(password).toCharArray());
    }

    /** Percent-decoding only: a {@code +} in a user name or password stays a plus. */
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
