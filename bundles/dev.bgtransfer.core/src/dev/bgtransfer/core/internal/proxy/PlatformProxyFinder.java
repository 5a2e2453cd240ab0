package dev.bgtransfer.core.internal.proxy;

import java.net.PasswordAuthentication;
import java.net.URI;
import java.util.Optional;

import org.eclipse.core.net.proxy.IProxyData;
import org.eclipse.core.net.proxy.IProxyService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.bgtransfer.core.internal.http.HttpProxy;
import dev.bgtransfer.core.internal.http.ProxyFinder;

/**
 * The platform's proxy settings (Window > Preferences > General > Network Connections): the
 * {@link IProxyService} decides per URL, with its own non-proxied hosts and its choice of native,
 * manual or direct. Satisfied only where {@code org.eclipse.core.net} runs; this class is not even
 * loaded elsewhere (the import of its package is optional).
 */
@Component(service = ProxyFinder.class)
public final class PlatformProxyFinder implements ProxyFinder {
    private final IProxyService proxies;

    @Activate
    public PlatformProxyFinder(@Reference(name = "proxyService") IProxyService proxies) {
        this.proxies = proxies;
    }

    @Override
    public Optional<HttpProxy> find(URI url) {
        for (IProxyData data : proxies.select(url)) {
            boolean http = IProxyData.HTTP_PROXY_TYPE.equals(data.getType());
            boolean https = IProxyData.HTTPS_PROXY_TYPE.equals(data.getType());
            if ((http || https) && data.getHost() != null && !data.getHost().isBlank()) {
                int port = data.getPort() != -1 ? data.getPort() : http ? 80 : 443;
                return Optional.of(new HttpProxy(data.getHost(), port, credentials(data)));
            }
        }
        return Optional.empty();
    }

    private static PasswordAuthentication credentials(IProxyData data) {
        String user = data.getUserId();
        if (user == null || user.isEmpty()) {
            return null;
        }
        String password = data.getPassword();
        return new PasswordAuthentication(user, password == null ? new char[0] : password.toCharArray());
    }
}
