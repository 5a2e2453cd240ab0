package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;

import org.eclipse.core.net.proxy.IProxyData;
import org.eclipse.core.net.proxy.IProxyService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TestProxyServer;
import dev.bgtransfer.junit.TransferFixture;

/**
 * The platform's own proxy settings ({@code org.eclipse.core.net}, as Window > Preferences >
 * Network Connections sets them): a manual HTTP proxy is used, and its non-proxied hosts go direct.
 */
class PlatformProxyTest extends ServiceTest {
    private final BundleContext context = FrameworkUtil.getBundle(PlatformProxyTest.class).getBundleContext();
    private ServiceTracker<IProxyService, IProxyService> tracker;
    private IProxyService proxies;
    private String[] nonProxiedHosts;
    private boolean systemProxiesEnabled;
    private TestProxyServer proxy;

    @BeforeEach
    void useAManualProxy() throws Exception {
        tracker = new ServiceTracker<>(context, IProxyService.class, null);
        tracker.open();
        proxies = tracker.waitForService(TransferFixture.TIMEOUT.toMillis());
        nonProxiedHosts = proxies.getNonProxiedHosts();
        systemProxiesEnabled = proxies.isSystemProxiesEnabled();
        proxy = TestProxyServer.start();
        setHttpProxy(proxy.host(), proxy.port());
        proxies.setNonProxiedHosts(new String[] { "localhost" });
        proxies.setSystemProxiesEnabled(false);
        proxies.setProxiesEnabled(true);
    }

    @AfterEach
    void useNoProxy() throws Exception {
        proxies.setProxiesEnabled(false);
        setHttpProxy(null, -1);
        proxies.setNonProxiedHosts(nonProxiedHosts);
        proxies.setSystemProxiesEnabled(systemProxiesEnabled);
        tracker.close();
        proxy.close();
    }

    private void setHttpProxy(String host, int port) throws Exception {
        IProxyData http = proxies.getProxyData(IProxyData.HTTP_PROXY_TYPE);
        http.setHost(host);
        http.setPort(port);
        proxies.setProxyData(new IProxyData[] { http });
    }

    @Test
    void theManualProxyIsUsedAndItsNonProxiedHostsGoDirect() throws Exception {
        TestFile file = server.addFile("/files/platform.bin", 500_000, 341);
        URI proxied = server.uri(file.path());
        URI direct = URI.create("http://localhost:" + server.port() + file.path());

        Transfer throughProxy = download(proxied);
        Transfer notThroughProxy = download(direct);

        assertEquals(file.sha256(), sha256(throughProxy.file().orElseThrow()));
        assertEquals(file.sha256(), sha256(notThroughProxy.file().orElseThrow()));
        assertEquals(List.of("GET " + proxied), proxy.requests().stream()
                .map(request -> request.method() + " " + request.target()).toList(), "localhost went direct");
        assertEquals(2, server.requests(file.path()).size());
    }

    private Transfer download(URI url) {
        Transfer started = fixture.service().download(TransferRequest.of(url, folder.resolve(url.getHost())));
        return fixture.awaitState(started.id(), TransferState.COMPLETED);
    }
}
