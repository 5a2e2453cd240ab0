package dev.bgtransfer.remote.internal.composite;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Enables the {@link CompositeTransferService} when the framework property
 * {@value CompositeTransferService#SOCKET} names the per-user service's socket, or is
 * {@code default} (an installation's config.ini, set by dev.bgtransfer.ui's p2.inf); without it the
 * core's service is the only one, as before.
 */
@Component
public final class DaemonSocketGate {

    @Activate
    void activate(ComponentContext context) {
        String socket = context.getBundleContext().getProperty(CompositeTransferService.SOCKET);
        if (socket != null && !socket.isBlank()) {
            context.enableComponent(CompositeTransferService.class.getName());
        }
    }
}
