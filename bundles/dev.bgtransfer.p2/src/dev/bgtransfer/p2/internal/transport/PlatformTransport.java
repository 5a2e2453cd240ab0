package dev.bgtransfer.p2.internal.transport;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.equinox.internal.p2.repository.Transport;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.spi.IAgentServiceFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The transport p2 would have used without us, for one agent: the next-ranked transport factory in
 * the service registry that is not ours (in an IDE, ECF's). Made on first use and kept, as p2 keeps
 * the one it gets.
 */
final class PlatformTransport {

    private static final String FILTER = "(|(p2.agent.servicename=" + Transport.SERVICE_NAME //$NON-NLS-1$
            + ")(p2.agent.service.name=" + Transport.SERVICE_NAME + "))"; //$NON-NLS-1$ //$NON-NLS-2$

    private final BundleContext context;
    private final IProvisioningAgent agent;
    private Transport transport;

    PlatformTransport(BundleContext context, IProvisioningAgent agent) {
        this.context = context;
        this.agent = agent;
    }

    /**
     * @return the platform's transport for the agent
     * @throws CoreException when no other transport is registered
     */
    synchronized Transport get() throws CoreException {
        if (transport == null) {
            transport = create().orElseThrow(() -> new CoreException(
                    Status.error(Messages.noPlatformTransport)));
        }
        return transport;
    }

    private Optional<Transport> create() {
        Collection<ServiceReference<IAgentServiceFactory>> references;
        try {
            references = context.getServiceReferences(IAgentServiceFactory.class, FILTER);
        } catch (InvalidSyntaxException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
        // ServiceReference's natural order is the registry's: ranking first, then the older service
        Optional<ServiceReference<IAgentServiceFactory>> platform = references.stream()
                .filter(reference -> !context.getBundle().equals(reference.getBundle()))
                .max(Comparator.naturalOrder());
        if (platform.isEmpty()) {
            return Optional.empty();
        }
        IAgentServiceFactory factory = context.getService(platform.get());
        try {
            return factory != null && factory.createService(agent) instanceof Transport made
                    ? Optional.of(made) : Optional.empty();
        } finally {
            context.ungetService(platform.get());
        }
    }
}
