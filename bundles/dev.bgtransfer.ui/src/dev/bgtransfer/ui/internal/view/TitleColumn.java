package dev.bgtransfer.ui.internal.view;

import java.net.URI;
import java.util.stream.Collectors;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.Transfer;

/** The transfer's title; the URL in the tooltip, and its mirrors when it has some. */
final class TitleColumn extends ColumnLabelProvider {

    @Override
    public String getText(Object element) {
        return ((TransferRow) element).transfer().title();
    }

    @Override
    public String getToolTipText(Object element) {
        Transfer transfer = ((TransferRow) element).transfer();
        if (transfer.mirrors().isEmpty()) {
            return transfer.url().toString();
        }
        return NLS.bind(Messages.titleTooltipMirrors, transfer.url(),
                transfer.mirrors().stream().map(URI::toString).collect(Collectors.joining("\n"))); //$NON-NLS-1$
    }
}
