package dev.bgtransfer.samples.internal;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.io.CloseMode;
import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import dev.bgtransfer.samples.SampleFile;
import dev.bgtransfer.samples.SamplePreferences;
import dev.bgtransfer.samples.SampleServer;
import dev.bgtransfer.samples.internal.http.BasicGate;
import dev.bgtransfer.samples.internal.http.LoopbackServers;
import dev.bgtransfer.samples.internal.http.QuietErrors;

/**
 * The {@link SampleServer}: an HttpCore 5 classic server on {@code 127.0.0.1}, started when the
 * service is first used and stopped with it. It prefers the previous run's port, so sample URLs
 * stored by the transfer service stay valid across restarts, and takes an ephemeral one otherwise.
 */
@Component(service = SampleServer.class)
public final class SampleServerComponent implements SampleServer {
    private SampleSettings settings;
    private AccessLog accessLog;
    private HttpServer server;
    private URI baseUri;

    @Activate
    void activate(BundleContext context) throws IOException {
        settings = new SampleSettings(context);
        accessLog = AccessLog.open(context.getProperty(SamplePreferences.ACCESS_LOG_PROPERTY));
        BasicGate gate = BasicGate.of(context.getProperty(SamplePreferences.USER_PROPERTY));
        int port = settings.port();
        try {
            server = start(port, gate);
        } catch (BindException taken) {
            if (port == 0) {
                throw taken;
            }
            server = start(0, gate);
        }
        baseUri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
        settings.rememberPort(server.getLocalPort());
    }

    @Deactivate
    void deactivate() {
        settings.close();
        server.close(CloseMode.IMMEDIATE);
        accessLog.close();
    }

    private HttpServer start(int port, BasicGate gate) throws IOException {
        SampleHandler handler = new SampleHandler(() -> settings.bytesPerSecond(), accessLog, gate);
        HttpServer started = LoopbackServers.bootstrap(InetAddress.getLoopbackAddress(), port, handler,
                new QuietErrors(SampleServerComponent::report)).create();
        started.start();
        return started;
    }

    private static void report(Exception failure) {
        ILog.of(SampleServerComponent.class).error(NLS.bind(Messages.serverError, failure.getMessage()), failure);
    }

    @Override
    public List<SampleFile> files() {
        return SampleCatalog.entries().stream()
                .map(entry -> new SampleFile(entry.title(), entry.fileName(),
                        baseUri.resolve(SampleCatalog.PATH_PREFIX.substring(1) + entry.fileName()), entry.size(),
                        entry.sha256()))
                .toList();
    }

    @Override
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public long bytesPerSecond() {
        return settings.bytesPerSecond();
    }
}
