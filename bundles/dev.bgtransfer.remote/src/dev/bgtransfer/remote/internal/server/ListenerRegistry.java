package dev.bgtransfer.remote.internal.server;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import dev.bgtransfer.core.TransferListener;

/**
 * How the {@link ApiServer} comes to hear the service's events: in a framework, a
 * {@link TransferListener} service (whiteboard); elsewhere, whatever the host of the service offers.
 */
@FunctionalInterface
public interface ListenerRegistry {

    /**
     * Makes {@code listener} hear every session's events until the returned action runs.
     *
     * @return what unregisters it
     */
    Runnable register(TransferListener listener);

    /** @return a registry that registers listeners as services of {@code context} */
    static ListenerRegistry whiteboard(BundleContext context) {
        return listener -> {
            ServiceRegistration<TransferListener> registration = context.registerService(TransferListener.class,
                    listener, null);
            return () -> {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the bundle stopped first: the framework unregistered it
                }
            };
        };
    }
}
