package dev.bgtransfer.p2.internal.registration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Offers p2 our transport when, and only when, the p2 packages it is built on are wired to this
 * bundle. Those packages are p2's internal API, imported optionally with a tight range: when the
 * platform's p2 moved on, the bundle still resolves, this component finds them unwired and registers
 * nothing, and p2 keeps its own transport with nothing in the log. This class names no p2 type, so
 * it loads whatever p2 is there; {@link TransportFactoryRegistrar} names them and is loaded only
 * after the check.
 * <p>
 * It is immediate so that the transport is there before p2 first asks an agent for one (p2 keeps
 * the transport it got for the agent's lifetime); it costs one wiring lookup at startup, and the
 * transfer service is not activated until the first artifact is downloaded.
 */
@Component(immediate = true)
public final class TransportRegistration {

    private final ServiceRegistration<?> registration;

    @Activate
    public TransportRegistration(BundleContext context) {
        registration = P2Api.isWired(context.getBundle()) ? TransportFactoryRegistrar.register(context) : null;
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }
}
