package dev.bgtransfer.core.internal.proxy;

import org.eclipse.core.runtime.ILog;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * {@code org.eclipse.core.net} registers its proxy service only once its bundle is active, and it
 * activates lazily, often long after the first download (when p2 or a Git plug-in first needs
 * the network). Where it is installed, it is started so that its settings apply from the start.
 */
public final class PlatformProxyBundle {
    static final String SYMBOLIC_NAME = "org.eclipse.core.net";

    private PlatformProxyBundle() {
    }

    public static void activate(BundleContext context) {
        for (Bundle bundle : context.getBundles()) {
            if (SYMBOLIC_NAME.equals(bundle.getSymbolicName())
                    && (bundle.getState() & (Bundle.RESOLVED | Bundle.STARTING)) != 0) {
                try {
                    bundle.start(Bundle.START_TRANSIENT);
                } catch (BundleException | IllegalStateException notStarted) {
                    ILog.of(PlatformProxyBundle.class).warn("The platform's proxy settings are not available: "
                            + notStarted.getMessage());
                }
                return;
            }
        }
    }
}
