package dev.bgtransfer.p2.internal.registration;

import java.util.Dictionary;
import java.util.Hashtable;

import org.eclipse.equinox.internal.p2.repository.Transport;
import org.eclipse.equinox.p2.core.spi.IAgentServiceFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

import dev.bgtransfer.p2.internal.transport.ServiceTransportFactory;

/** Registers our transport the way p2 looks a transport up; names p2 types, so loaded only when they are wired. */
final class TransportFactoryRegistrar {

    /**
     * Above the platform's transport (ECF's, registered without a ranking, so 0), which p2 would
     * otherwise take; low enough that a transport someone installs on purpose with a higher ranking
     * still wins.
     */
    static final int RANKING = 10;

    /** The service property p2's agent selects its service factories by. */
    private static final String AGENT_SERVICE_NAME = "p2.agent.servicename"; //$NON-NLS-1$

    private TransportFactoryRegistrar() {
    }

    static ServiceRegistration<?> register(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(AGENT_SERVICE_NAME, Transport.SERVICE_NAME);
        properties.put(Constants.SERVICE_RANKING, RANKING);
        return context.registerService(IAgentServiceFactory.class, new ServiceTransportFactory(context), properties);
    }
}
