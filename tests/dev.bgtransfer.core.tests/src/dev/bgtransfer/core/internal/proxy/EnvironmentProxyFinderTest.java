package dev.bgtransfer.core.internal.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.internal.http.HttpProxy;
import dev.bgtransfer.junit.TestHosts;

/** The curl conventions of the proxy environment variables, for the command line. */
class EnvironmentProxyFinderTest {

    private static Optional<HttpProxy> find(Map<String, String> environment, String url) {
        return new EnvironmentProxyFinder(environment).find(URI.create(url));
    }

    private static String address(Map<String, String> environment, String url) {
        return find(environment, url).map(HttpProxy::address).orElse("direct");
    }

    @Test
    void eachSchemeHasItsVariableAndAllProxyIsTheFallback() {
        Map<String, String> environment = Map.of("http_proxy", "http://web-proxy:3128",
                "HTTPS_PROXY", "secure-proxy:8443", "ALL_PROXY", "http://any-proxy");

        assertEquals("web-proxy:3128", address(environment, "http://example.org/a"));
        assertEquals("secure-proxy:8443", address(environment, "https://example.org/a"));
        assertEquals("any-proxy:1080", address(Map.of("ALL_PROXY", "http://any-proxy"), "https://example.org/a"),
                "curl's default port");
        assertEquals("direct", address(Map.of(), "http://example.org/a"));
    }

    @Test
    void upperCaseHttpProxyIsIgnoredAsCurlDoes() {
        assertEquals("direct", address(Map.of("HTTP_PROXY", "http://injected:80"), "http://example.org/a"));
    }

    @Test
    void noProxyNamesHostsAndDomains() {
        Map<String, String> environment = Map.of("https_proxy", "http://proxy:3128",
                "no_proxy", " intranet.example , .corp.example,10.1.2.3:8080");

        assertEquals("direct", address(environment, "https://intranet.example/a"));
        assertEquals("direct", address(environment, "https://files.intranet.example/a"));
        assertEquals("direct", address(environment, "https://corp.example/a"));
        assertEquals("direct", address(environment, "https://build.corp.example/a"));
        assertEquals("direct", address(environment, "https://10.1.2.3/a"));
        assertEquals("proxy:3128", address(environment, "https://notintranet.example/a"));
        assertEquals("direct", address(Map.of("https_proxy", "proxy:1", "NO_PROXY", "*"), "https://example.org/a"));
    }

    @Test
    void loopbackAlwaysGoesDirect() {
        Map<String, String> environment = Map.of("http_proxy", "http://proxy:3128");

        for (String url : new String[] { "http://localhost:8080/a", "http://app.localhost/a", "http://127.0.0.1/a",
                "http://127.1.2.3/a", "http://[::1]:81/a" }) {
            assertEquals("direct", address(environment, url), url);
        }
        // by name, as the README says: a name that resolves to loopback still goes through the proxy
        TestHosts.requireNames();
        assertEquals("proxy:3128", address(environment, "http://" + TestHosts.ORIGIN + "/a"));
    }

    @Test
    void credentialsInTheUrlArePercentDecodedAndKeptForTheProxy() {
        HttpProxy proxy = find(Map.of("https_proxy", "http://me%40corp:p%3Ass+word@proxy:3128"),
                "https://example.org/a").orElseThrow();

        assertEquals("me@corp", proxy.credentials().getUserName());
        assertEquals("p:ss+word", new String(proxy.credentials().getPassword()));
        assertEquals("proxy:3128", proxy.address());
        assertEquals("HttpProxy[proxy:3128, with credentials]", proxy.toString(), "never the password");
        assertNull(find(Map.of("https_proxy", "http://proxy:3128"), "https://example.org/a").orElseThrow()
                .credentials());
    }

    @Test
    void proxiesOtherThanHttpAreNotUsed() {
        assertEquals("direct", address(Map.of("https_proxy", "socks5://proxy:1080"), "https://example.org/a"));
        assertEquals("direct", address(Map.of("https_proxy", "https://proxy:443"), "https://example.org/a"));
    }
}
