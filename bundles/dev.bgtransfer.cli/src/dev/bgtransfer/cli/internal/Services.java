package dev.bgtransfer.cli.internal;

import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Gets services from the OSGi registry like any other bundle would, waiting for DS to provide them. */
final class Services implements AutoCloseable {
    private static final long WAIT_SECONDS = 30;

    private final BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
    private ServiceTracker<?, ?> tracker;

    /** @return the service, or {@code null} when none came within half a minute */
    <S> S get(Class<S> type) throws InterruptedException {
        ServiceTracker<S, S> opened = new ServiceTracker<>(context, type, null);
        opened.open();
        tracker = opened;
        return opened.waitForService(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }

    @Override
    public void close() {
        if (tracker != null) {
            tracker.close();
        }
    }
}
