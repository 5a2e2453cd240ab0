package dev.bgtransfer.p2.internal.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;

import org.eclipse.equinox.internal.p2.repository.Transport;
import org.eclipse.equinox.p2.core.spi.IAgentServiceFactory;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import dev.bgtransfer.core.TransferService;

/** The transport is offered to p2 where p2's packages are wired, and nothing happens where they are not. */
class TransportRegistrationTest {
    private static final String TRANSPORTS = "(p2.agent.servicename=" + Transport.SERVICE_NAME + ")";

    private final BundleContext context = FrameworkUtil.getBundle(TransportRegistration.class).getBundleContext();

    @Test
    void whereP2sPackagesAreWiredOurTransportIsRegisteredAboveThePlatformsOne() throws Exception {
        assertTrue(P2Api.isWired(context.getBundle()));
        Collection<ServiceReference<IAgentServiceFactory>> transports = context
                .getServiceReferences(IAgentServiceFactory.class, TRANSPORTS);
        ServiceReference<IAgentServiceFactory> ours = transports.stream()
                .filter(reference -> reference.getBundle().equals(context.getBundle())).findFirst().orElseThrow();
        assertEquals(TransportFactoryRegistrar.RANKING, ours.getProperty(Constants.SERVICE_RANKING));
        assertEquals(ours, transports.stream().max(ServiceReference::compareTo).orElseThrow(), "the one p2 takes");
        assertTrue(transports.size() > 1, "the platform's is there too: " + transports);
    }

    @Test
    void whereTheyAreNotWiredNothingIsRegistered() throws Exception {
        Bundle core = FrameworkUtil.getBundle(TransferService.class); // imports none of p2's packages
        assertFalse(P2Api.isWired(core));

        TransportRegistration registration = new TransportRegistration(core.getBundleContext());
        try {
            assertTrue(context.getServiceReferences(IAgentServiceFactory.class, TRANSPORTS).stream()
                    .noneMatch(reference -> reference.getBundle().equals(core)));
        } finally {
            registration.deactivate();
        }
    }
}
