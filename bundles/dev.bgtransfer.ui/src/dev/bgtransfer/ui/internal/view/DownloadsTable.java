package dev.bgtransfer.ui.internal.view;

import java.util.Arrays;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.CellLabelProvider;
import org.eclipse.jface.viewers.ColumnLayoutData;
import org.eclipse.jface.viewers.ColumnPixelData;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.OwnerDrawLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;


/**
 * The Downloads view's table: a virtual {@link TableViewer} over a {@link RowList} (only visible
 * rows are ever materialized, and completed ones read from the service only then), one label
 * provider per column, and the row buttons.
 */
final class DownloadsTable {
    /** Column indices. */
    static final int DIRECTION = 0;
    static final int TITLE = 1;
    static final int CONTROLS = 2;
    static final int PROGRESS = 3;
    static final int SIZE = 4;
    static final int STATUS = 5;
    static final int SESSION = 6;
    /**
     * Shown beside the direction ({@link #ORDER}), so that it shows however narrow the view, but made
     * last: the indices of the columns before it, which tests and other code read, stay as they were.
     */
    static final int RESUMABLE = 7;
    /** The columns from left to right, by index. */
    private static final int[] ORDER = { DIRECTION, RESUMABLE, TITLE, CONTROLS, PROGRESS, SIZE, STATUS, SESSION };

    private DownloadsTable() {
    }

    static TableViewer create(Composite parent, RowList rows) {
        Composite holder = new Composite(parent, SWT.NONE);
        TableColumnLayout layout = new TableColumnLayout();
        holder.setLayout(layout);
        TableViewer viewer = new TableViewer(holder, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.H_SCROLL
                | SWT.V_SCROLL);
        viewer.setUseHashlookup(true);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(false);
        // title and status share what the fixed columns leave; every column's least width together (925 px)
        // fits a maximized view on a 1024 px screen, frames and scroll bar included
        column(viewer, layout, Messages.columnDirection, new ColumnPixelData(DirectionColumn.WIDTH),
                new DirectionColumn());
        column(viewer, layout, Messages.columnTitle, new ColumnWeightData(40, 150), new TitleColumn());
        // wide enough for the buttons and for "Uploaded" in their place
        column(viewer, layout, Messages.columnControls, new ColumnPixelData(76), new ControlsColumn());
        column(viewer, layout, Messages.columnProgress, new ColumnPixelData(150), new ProgressColumn());
        column(viewer, layout, Messages.columnSize, new ColumnPixelData(185), new SizeColumn());
        column(viewer, layout, Messages.columnStatus, new ColumnWeightData(60, 220), new StatusColumn());
        column(viewer, layout, Messages.columnSession, new ColumnWeightData(12, 90), new SessionColumn());
        column(viewer, layout, Messages.columnResumable, new ColumnPixelData(ResumableColumn.WIDTH),
                new ResumableColumn());
        table.setColumnOrder(ORDER);
        OwnerDrawLabelProvider.setUpOwnerDraw(viewer);
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.setContentProvider(new LazyRows(viewer, rows));
        viewer.setInput(rows);
        viewer.setItemCount(rows.size());
        new RowClicks(table, rows, CONTROLS).install();
        return viewer;
    }

    private static void column(TableViewer viewer, TableColumnLayout layout, String title, ColumnLayoutData width,
            CellLabelProvider labels) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setMoveable(true);
        column.setLabelProvider(labels);
        layout.setColumnData(column.getColumn(), width);
    }

    /** @return the ids of the rows selected now; call before {@link RowList#apply} changes the indices */
    static long[] selectedIds(TableViewer viewer, RowList rows) {
        return Arrays.stream(viewer.getTable().getSelectionIndices()).filter(index -> index < rows.size())
                .mapToLong(rows::idAt).toArray();
    }

    /**
     * Shows what a batch changed: after adds and removes the item count (in steps for a long history,
     * see {@link ItemCountSteps}), keeping the selected rows selected, and the rows from the first one
     * that moved (new transfers at the end move none: GTK would otherwise measure every row of a long
     * history again); then the cells of the changed rows that show something new ({@link ChangedCells}),
     * or, for a row the table does not hold yet, nothing until the table asks for it.
     * Rows beyond the item count so far are not items yet: they are read when a step counts them.
     */
    static void show(TableViewer viewer, ItemCountSteps counts, ChangedCells cells, RowList rows,
            RowList.Applied applied, long[] selectedBefore) {
        Table table = viewer.getTable();
        int moved = applied.firstMoved();
        if (applied.structural()) {
            int[] before = table.getSelectionIndices();
            int[] after = Arrays.stream(selectedBefore).mapToInt(rows::indexOf).filter(i -> i >= 0).toArray();
            table.setRedraw(false);
            try {
                counts.update();
                int items = table.getItemCount();
                if (moved == 0) {
                    table.clearAll();
                } else if (moved < items) {
                    table.clear(moved, items - 1);
                }
                table.setSelection(after);
            } finally {
                table.setRedraw(true);
            }
            Arrays.sort(before);
            Arrays.sort(after);
            if (!Arrays.equals(before, after) || after.length > 0) {
                // the selected elements changed or moved: tell the viewer's selection listeners
                table.notifyListeners(SWT.Selection, new Event());
            }
        }
        for (TransferRow row : applied.changed()) {
            int index = rows.indexOf(row.id());
            if (index < 0 || index >= moved || index >= table.getItemCount()) {
                continue; // gone, cleared above, or not counted yet
            }
            TableItem item = table.getItem(index);
            if (item.getData() == row) {
                // shown already: set only what changed; clearing would reset every cell and measure the row anew
                cells.update(item, row);
            } else {
                table.clear(index);
            }
        }
    }

    /** Hands the table the row it asks for; nothing else is ever materialized. */
    private static final class LazyRows implements ILazyContentProvider {
        private final TableViewer viewer;
        private final RowList rows;

        LazyRows(TableViewer viewer, RowList rows) {
            this.viewer = viewer;
            this.rows = rows;
        }

        @Override
        public void updateElement(int index) {
            TransferRow row = index < rows.size() ? rows.get(index) : null;
            if (row != null) {
                viewer.replace(row, index);
            }
        }

        @Override
        public void inputChanged(Viewer changed, Object oldInput, Object newInput) {
            // the row list is the only input and notifies through DownloadsTable.show
        }
    }
}
