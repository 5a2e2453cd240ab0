package dev.bgtransfer.ui.internal.view;

import java.util.EnumMap;
import java.util.Map;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;

import dev.bgtransfer.core.Resumability;

/**
 * Whether a row's transfer can go on from its bytes after an interruption, beside its direction: an
 * icon (a closed green ring, a broken red one struck through, an open grey one; drawn by
 * {@code releng/scripts/draw-icons.py}), told apart by shape as well as colour. The cell's text, "Yes",
 * "No" or "Unknown", is what a screen reader says; the tooltip says why ({@link Resumability#reason()})
 * and what a pause would cost. A narrow column shown beside the direction's, so that it shows however
 * narrow the view.
 */
final class ResumableColumn extends OwnerDrawnColumn {
    /** The column's width in pixels: the icon and a little air. */
    static final int WIDTH = 26;
    private static final Map<Resumability.Value, String> ICONS = Map.of(Resumability.Value.YES,
            "icons/resumable_yes.png", Resumability.Value.NO, "icons/resumable_no.png", Resumability.Value.UNKNOWN, //$NON-NLS-1$ //$NON-NLS-2$
            "icons/resumable_unknown.png"); //$NON-NLS-1$

    private final LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources());
    private final Map<Resumability.Value, Image> images = new EnumMap<>(Resumability.Value.class);

    @Override
    String text(TransferRow row) {
        return switch (row.transfer().resumability().value()) {
            case YES -> Messages.resumableYes;
            case NO -> Messages.resumableNo;
            case UNKNOWN -> Messages.resumableUnknown;
        };
    }

    @Override
    public String getToolTipText(Object element) {
        Resumability resumability = ((TransferRow) element).transfer().resumability();
        return NLS.bind(switch (resumability.value()) {
            case YES -> Messages.resumableTooltipYes;
            case NO -> Messages.resumableTooltipNo;
            case UNKNOWN -> Messages.resumableTooltipUnknown;
        }, resumability.reason());
    }

    @Override
    void paint(Event event, TransferRow row, Rectangle cell) {
        Image icon = images.computeIfAbsent(row.transfer().resumability().value(), this::load);
        if (icon != null) {
            Rectangle size = icon.getBounds();
            event.gc.drawImage(icon, cell.x + (cell.width - size.width) / 2, cell.y + (cell.height - size.height) / 2);
        }
    }

    private Image load(Resumability.Value value) {
        ImageDescriptor descriptor = ResourceLocator.imageDescriptorFromBundle(ResumableColumn.class, ICONS.get(value))
                .orElse(null);
        return descriptor == null ? null : resources.create(descriptor);
    }

    @Override
    public void dispose() {
        resources.dispose();
        images.clear();
        super.dispose();
    }
}
