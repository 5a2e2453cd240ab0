package dev.bgtransfer.p2.internal.registration;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/** Whether the p2 packages the transport needs are wired to this bundle, in the ranges it imports. */
final class P2Api {

    /** The optionally imported packages our transport uses (see the bundle's manifest). */
    static final List<String> PACKAGES = List.of(
            "org.eclipse.equinox.internal.p2.repository", //$NON-NLS-1$
            "org.eclipse.equinox.p2.core", //$NON-NLS-1$
            "org.eclipse.equinox.p2.core.spi", //$NON-NLS-1$
            "org.eclipse.equinox.p2.metadata", //$NON-NLS-1$
            "org.eclipse.equinox.p2.repository.artifact"); //$NON-NLS-1$

    private P2Api() {
    }

    /** @return whether every one of {@link #PACKAGES} is wired to {@code bundle} */
    static boolean isWired(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        Set<Object> wired = wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .map(BundleWire::getCapability)
                .map(capability -> capability.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))
                .collect(Collectors.toSet());
        return wired.containsAll(PACKAGES);
    }
}
