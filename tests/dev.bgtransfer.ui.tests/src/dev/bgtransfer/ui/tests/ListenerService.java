package dev.bgtransfer.ui.tests;

import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import dev.bgtransfer.core.TransferListener;

/** A benchmark's {@link TransferListener}, registered as a whiteboard service while it is open. */
abstract class ListenerService implements TransferListener, AutoCloseable {
    private ServiceRegistration<TransferListener> registration;

    /** @return this listener, now hearing every session's events */
    @SuppressWarnings("unchecked")
    <T extends ListenerService> T listen() {
        registration = FrameworkUtil.getBundle(ListenerService.class).getBundleContext()
                .registerService(TransferListener.class, this, null);
        return (T) this;
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
