package dev.bgtransfer.p2.internal.transport;

import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.spi.IAgentServiceFactory;
import org.osgi.framework.BundleContext;

/**
 * Makes p2's agents a {@link ServiceTransport}: p2 asks the highest-ranked
 * {@code IAgentServiceFactory} named {@code org.eclipse.equinox.internal.p2.repository.Transport} for
 * its agent's transport, once per agent.
 */
public final class ServiceTransportFactory implements IAgentServiceFactory {

    private final BundleContext context;

    public ServiceTransportFactory(BundleContext context) {
        this.context = context;
    }

    @Override
    public Object createService(IProvisioningAgent agent) {
        return new ServiceTransport(new PlatformTransport(context, agent), new ArtifactDownloads(context));
    }
}
