package dev.bgtransfer.remote.internal.launch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The bundles of the running framework that the command line's {@code serve} needs: its own and
 * what their wiring requires, transitively, with the fragments attached to them. Two more roots
 * that no wire shows: the DS runtime (nothing imports it; it runs every component) and the store
 * (a DS service that nothing imports). The system bundle is the new framework's own.
 */
final class DaemonBundles {
    static final String CLI = "dev.bgtransfer.cli"; //$NON-NLS-1$
    static final List<String> ROOTS = List.of(CLI, "dev.bgtransfer.persistence", "org.apache.felix.scr"); //$NON-NLS-1$ //$NON-NLS-2$

    private DaemonBundles() {
    }

    /**
     * @return the bundles {@code serve} needs, each once, the roots first
     * @throws IllegalStateException with a sentence when a root is missing or not resolved
     */
    static Set<Bundle> of(BundleContext context, String state) {
        Deque<Bundle> todo = new ArrayDeque<>();
        for (String root : ROOTS) {
            todo.add(resolved(context, root, state));
        }
        Set<Bundle> needed = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            Bundle bundle = todo.removeFirst();
            if (bundle.getBundleId() == Constants.SYSTEM_BUNDLE_ID || !needed.add(bundle)) {
                continue;
            }
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wiring == null) {
                continue;
            }
            for (BundleWire wire : wiring.getRequiredWires(null)) {
                todo.add(wire.getProvider().getBundle());
            }
            for (BundleWire fragment : wiring.getProvidedWires(BundleRevision.HOST_NAMESPACE)) {
                todo.add(fragment.getRequirer().getBundle());
            }
        }
        return needed;
    }

    private static Bundle resolved(BundleContext context, String symbolicName, String state) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && bundle.adapt(BundleWiring.class) != null) {
                return bundle;
            }
        }
        throw new IllegalStateException(NLS.bind(Messages.missingBundle, symbolicName, state));
    }
}
