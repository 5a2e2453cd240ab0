package dev.bgtransfer.ui.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.ui.IWorkbench;

import dev.bgtransfer.core.TransferService;

/** Gives the transfers' Job family its icon in the Progress view. */
public final class ProgressIcons {
    /** The view's icon, also the transfers' icon in the Progress view. */
    private static final String DOWNLOADS_ICON = "icons/downloads.png"; //$NON-NLS-1$

    private static final AtomicBoolean REGISTERED = new AtomicBoolean();

    private ProgressIcons() {
    }

    /** Registers the icon once; later calls do nothing. Call on the UI thread. */
    public static void register(IWorkbench workbench) {
        if (!REGISTERED.compareAndSet(false, true)) {
            return;
        }
        ImageDescriptor icon = ResourceLocator.imageDescriptorFromBundle(ProgressIcons.class, DOWNLOADS_ICON)
                .orElse(null);
        if (icon != null) {
            workbench.getProgressService().registerIconForFamily(icon, TransferService.JOB_FAMILY);
        }
    }
}
