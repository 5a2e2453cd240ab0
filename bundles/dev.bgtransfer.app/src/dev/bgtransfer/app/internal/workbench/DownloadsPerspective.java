package dev.bgtransfer.app.internal.workbench;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.IPlaceholderFolderLayout;
import org.eclipse.ui.PlatformUI;

/**
 * The product's only perspective: the Downloads view on top, the Progress view below, no editor
 * area. The Downloads view comes from the {@code dev.bgtransfer.ui} bundle; until that bundle is
 * in the product, its place is an empty placeholder and the Progress view fills the window.
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
        if (PlatformUI.getWorkbench().getViewRegistry().find(DOWNLOADS_VIEW_ID) != null) {
            layout.addStandaloneView(DOWNLOADS_VIEW_ID, false, IPageLayout.TOP, DOWNLOADS_SHARE, editorArea);
            layout.getViewLayout(DOWNLOADS_VIEW_ID).setCloseable(false);
            layout.addView(PROGRESS_VIEW_ID, IPageLayout.BOTTOM, DOWNLOADS_SHARE, DOWNLOADS_VIEW_ID);
        } else {
            IPlaceholderFolderLayout downloads = layout.createPlaceholderFolder("downloads", //$NON-NLS-1$
                    IPageLayout.TOP, DOWNLOADS_SHARE, editorArea);
            downloads.addPlaceholder(DOWNLOADS_VIEW_ID);
            layout.addView(PROGRESS_VIEW_ID, IPageLayout.BOTTOM, DOWNLOADS_SHARE, editorArea);
        }
        layout.addShowViewShortcut(DOWNLOADS_VIEW_ID);
        layout.addShowViewShortcut(PROGRESS_VIEW_ID);
    }
}
