package dev.bgtransfer.ui.internal.view;

import java.util.EnumMap;
import java.util.Map;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.graphics.Image;

import dev.bgtransfer.core.Resumability;

/**
 * Whether a row's transfer can go on from its bytes after an interruption: an icon (a closed green
 * ring, a broken red one struck through, an open grey one; drawn by {@code releng/scripts/draw-icons.py})
 * and a word, "Yes", "No" or "Unknown", for a screen reader and for people who do not tell the colours
 * apart; the tooltip says why ({@link Resumability#reason()}) and what a pause would cost.
 */
final class ResumableColumn extends ColumnLabelProvider {
    private static final Map<Resumability.Value, String> ICONS = Map.of(Resumability.Value.YES,
            "icons/resumable_yes.png", Resumability.Value.NO, "icons/resumable_no.png", Resumability.Value.UNKNOWN, //$NON-NLS-1$ //$NON-NLS-2$
            "icons/resumable_unknown.png"); //$NON-NLS-1$

    private final LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources());
    private final Map<Resumability.Value, Image> images = new EnumMap<>(Resumability.Value.class);

    @Override
    public String getText(Object element) {
        return text(((TransferRow) element).transfer().resumability());
    }

    static String text(Resumability resumability) {
        return switch (resumability.value()) {
            case YES -> Messages.resumableYes;
            case NO -> Messages.resumableNo;
            case UNKNOWN -> Messages.resumableUnknown;
        };
    }

    @Override
    public Image getImage(Object element) {
        Resumability.Value value = ((TransferRow) element).transfer().resumability().value();
        return images.computeIfAbsent(value, this::load);
    }

    private Image load(Resumability.Value value) {
        ImageDescriptor descriptor = ResourceLocator.imageDescriptorFromBundle(ResumableColumn.class, ICONS.get(value))
                .orElse(null);
        return descriptor == null ? null : resources.create(descriptor);
    }

    @Override
    public String getToolTipText(Object element) {
        return tooltip(((TransferRow) element).transfer().resumability());
    }

    static String tooltip(Resumability resumability) {
        return NLS.bind(switch (resumability.value()) {
            case YES -> Messages.resumableTooltipYes;
            case NO -> Messages.resumableTooltipNo;
            case UNKNOWN -> Messages.resumableTooltipUnknown;
        }, resumability.reason());
    }

    @Override
    public void dispose() {
        resources.dispose();
        images.clear();
        super.dispose();
    }
}
