package dev.bgtransfer.ui.internal.view;

import java.util.List;

import org.eclipse.core.commands.NotEnabledException;
import org.eclipse.core.commands.NotHandledException;
import org.eclipse.core.commands.common.CommandException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.FrameworkUtil;

import dev.bgtransfer.ui.internal.CommandIds;
import dev.bgtransfer.ui.internal.ProgressIcons;
import dev.bgtransfer.ui.internal.TransferCalls;
import dev.bgtransfer.ui.internal.dnd.UrlDrop;

/**
 * The Downloads view: one row per transfer with its own controls. It is only the viewer and its
 * wiring; what it shows comes from a {@link TransferFeed} (a listener service while the view is
 * open) through a {@link CoalescingRefresh}, and what it does is in handlers and {@link RowClicks}.
 * Closing it leaves the transfers running.
 */
public final class DownloadsView extends ViewPart {
    /** The view's id in plugin.xml. */
    static final String ID = "dev.bgtransfer.ui.downloads"; //$NON-NLS-1$
    /** The context of the view's key bindings in plugin.xml, active while the view is. */
    private static final String CONTEXT_ID = "dev.bgtransfer.ui.downloadsView"; //$NON-NLS-1$

    private final RowList rows = new RowList(
            (fromId, max) -> TransferCalls.read(service -> service.transfers(fromId, max)).orElse(List.of()));
    private TableViewer viewer;
    private ItemCountSteps counts;
    private ChangedCells cells;
    private CoalescingRefresh refresh;
    private TransferFeed feed;
    private int refreshes;

    @Override
    public void createPartControl(Composite parent) {
        viewer = DownloadsTable.create(parent, rows);
        counts = new ItemCountSteps(viewer, rows::size);
        cells = new ChangedCells(viewer);
        getSite().setSelectionProvider(viewer);
        createContextMenu();
        viewer.addOpenListener(event -> execute(CommandIds.OPEN));
        getSite().getService(IContextService.class).activateContext(CONTEXT_ID);
        UrlDrop.install(viewer.getControl());
        ProgressIcons.register(getSite().getWorkbenchWindow().getWorkbench());

        refresh = new CoalescingRefresh(parent.getDisplay(), this::refresh);
        feed = new TransferFeed(refresh::request);
        feed.open(FrameworkUtil.getBundle(DownloadsView.class).getBundleContext());
    }

    private void createContextMenu() {
        MenuManager menu = new MenuManager();
        menu.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        getSite().registerContextMenu(menu, viewer);
    }

    /** Applies what the feed heard since the last refresh; on the UI thread, at most every {@link CoalescingRefresh#DELAY_MS}. */
    private void refresh() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        List<FeedItem> items = feed.drain();
        if (items.isEmpty()) {
            return;
        }
        refreshes++;
        long[] selected = DownloadsTable.selectedIds(viewer, rows);
        RowList.Applied applied = rows.apply(items, System.nanoTime());
        DownloadsTable.show(viewer, counts, cells, rows, applied, selected);
        if (applied.stateChangedAmong(selected)) {
            // the handlers' conditions test the selected rows only; a change of selection is evaluated anyway
            TransferStateTester.requestEvaluation(getSite());
        }
    }

    private void execute(String commandId) {
        try {
            getSite().getService(IHandlerService.class).executeCommand(commandId, null);
        } catch (NotEnabledException | NotHandledException notNow) {
            // e.g. Enter on a download that is not complete: there is nothing to open
        } catch (CommandException failed) {
            ILog.of(DownloadsView.class).error(failed.getMessage(), failed);
        }
    }

    /** @return the viewer (for tests) */
    TableViewer viewer() {
        return viewer;
    }

    /** @return how often the view applied a batch of changes (for tests) */
    int refreshes() {
        return refreshes;
    }

    /** @return the rows as the view shows them (for tests) */
    RowList rows() {
        return rows;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (feed != null) {
            feed.close();
        }
        if (refresh != null) {
            refresh.dispose();
        }
        super.dispose();
    }
}
