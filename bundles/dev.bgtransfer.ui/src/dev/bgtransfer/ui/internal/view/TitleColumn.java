package dev.bgtransfer.ui.internal.view;

import org.eclipse.jface.viewers.ColumnLabelProvider;

/** The transfer's title; the URL in the tooltip. */
final class TitleColumn extends ColumnLabelProvider {

    @Override
    public String getText(Object element) {
        return ((TransferRow) element).transfer().title();
    }

    @Override
    public String getToolTipText(Object element) {
        return ((TransferRow) element).transfer().url().toString();
    }
}
