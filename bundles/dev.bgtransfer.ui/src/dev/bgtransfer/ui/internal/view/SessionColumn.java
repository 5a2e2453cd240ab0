package dev.bgtransfer.ui.internal.view;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;

import dev.bgtransfer.ui.internal.WorkbenchSession;

/**
 * Whose transfer a row is: "Workbench" for the default session and the workbench's own
 * ({@link WorkbenchSession}), the name of the plug-in whose
 * symbolic name is the session's identifier, or the identifier itself.
 */
final class SessionColumn extends ColumnLabelProvider {
    private final Map<String, String> labels = new ConcurrentHashMap<>();

    @Override
    public String getText(Object element) {
        return labels.computeIfAbsent(((TransferRow) element).transfer().session(), SessionColumn::label);
    }

    @Override
    public String getToolTipText(Object element) {
        return ((TransferRow) element).transfer().session();
    }

    static String label(String session) {
        if (WorkbenchSession.isWorkbench(session)) {
            return Messages.sessionWorkbench;
        }
        BundleContext context = FrameworkUtil.getBundle(SessionColumn.class).getBundleContext();
        if (context != null) {
            for (Bundle bundle : context.getBundles()) {
                String name = bundle.getHeaders().get(Constants.BUNDLE_NAME);
                if (session.equals(bundle.getSymbolicName()) && name != null && !name.isBlank()) {
                    return name;
                }
            }
        }
        return session;
    }
}
