package dev.bgtransfer.app.internal.workbench;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The product's only perspective: the Downloads view (from {@code dev.bgtransfer.ui}) on top with
 * its tab and toolbar (Add, Start All, Stop All, Reset), the Progress view below, no editor area.
 */
public final class DownloadsPerspective implements IPerspectiveFactory {
    /** The perspective's id, as declared in plugin.xml. */
    public static final String ID = "dev.bgtransfer.app.perspective"; //$NON-NLS-1$
    /** The Downloads view of {@code dev.bgtransfer.ui}. */
    public static final String DOWNLOADS_VIEW_ID = "dev.bgtransfer.ui.downloads"; //$NON-NLS-1$
    /** Declared by this bundle for the product (and by org.eclipse.ui.ide in an IDE). */
    public static final String PROGRESS_VIEW_ID = "org.eclipse.ui.views.ProgressView"; //$NON-NLS-1$

    private static final float DOWNLOADS_SHARE = 0.68f;

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editorArea = layout.getEditorArea();
        layout.addView(DOWNLOADS_VIEW_ID, IPageLayout.TOP, DOWNLOADS_SHARE, editorArea);
        layout.getViewLayout(DOWNLOADS_VIEW_ID).setCloseable(false);
        layout.addView(PROGRESS_VIEW_ID, IPageLayout.BOTTOM, DOWNLOADS_SHARE, DOWNLOADS_VIEW_ID);
        layout.addShowViewShortcut(DOWNLOADS_VIEW_ID);
        layout.addShowViewShortcut(PROGRESS_VIEW_ID);
    }
}
