package dev.bgtransfer.ui.internal.view;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;

/**
 * The rows of the Downloads view, oldest transfer first (ascending id, as the service lists them).
 * Applies batches of {@link FeedItem}s and says what changed, so the view redraws only that. Used
 * on the UI thread only.
 */
public final class RowList {
    private static final Comparator<TransferRow> BY_ID = Comparator.comparingLong(TransferRow::id);

    private final List<TransferRow> rows = new ArrayList<>();

    /**
     * What a batch changed.
     *
     * @param structural    rows were added or removed: indices moved
     * @param changed       rows whose snapshot changed (meaningful when not structural)
     * @param statesChanged some row changed state: enablement must be evaluated again
     */
    record Applied(boolean structural, Set<TransferRow> changed, boolean statesChanged) {
        boolean isEmpty() {
            return !structural && changed.isEmpty();
        }
    }

    /** @return the number of rows */
    public int size() {
        return rows.size();
    }

    /** @return the row at {@code index} */
    public TransferRow get(int index) {
        return rows.get(index);
    }

    /** @return the index of the row of this transfer, or a negative number when there is none */
    public int indexOf(long id) {
        int low = 0;
        int high = rows.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long found = rows.get(middle).id();
            if (found < id) {
                low = middle + 1;
            } else if (found > id) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    /** @return a copy of the rows, in order */
    public List<TransferRow> rows() {
        return List.copyOf(rows);
    }

    /**
     * Applies the items in order.
     *
     * @param items what the feed delivered since the last batch
     * @param nanos the time of the batch, for the speed of running transfers
     * @return what changed
     */
    Applied apply(List<FeedItem> items, long nanos) {
        boolean structural = false;
        boolean statesChanged = false;
        Set<TransferRow> changed = new LinkedHashSet<>();
        for (FeedItem item : items) {
            switch (item) {
                case FeedItem.Snapshot snapshot -> {
                    replaceAll(snapshot.transfers(), nanos);
                    structural = true;
                    statesChanged = true;
                }
                case FeedItem.Event(TransferEvent.Removed removed) -> {
                    int index = indexOf(removed.transfer().id());
                    if (index >= 0) {
                        changed.remove(rows.remove(index));
                        structural = true;
                        statesChanged = true;
                    }
                }
                case FeedItem.Event(TransferEvent.AllFinished ignored) -> {
                    // nothing to show in a row
                }
                case FeedItem.Event(TransferEvent event) -> {
                    Transfer transfer = transferOf(event);
                    int index = indexOf(transfer.id());
                    if (index >= 0) {
                        TransferRow row = rows.get(index);
                        statesChanged |= row.update(transfer, nanos);
                        changed.add(row);
                    } else {
                        rows.add(-index - 1, new TransferRow(transfer, nanos));
                        structural = true;
                        statesChanged = true;
                    }
                }
            }
        }
        return new Applied(structural, changed, statesChanged);
    }

    private void replaceAll(List<Transfer> transfers, long nanos) {
        Map<Long, TransferRow> kept = new HashMap<>();
        rows.forEach(row -> kept.put(row.id(), row));
        rows.clear();
        for (Transfer transfer : transfers) {
            TransferRow row = kept.get(transfer.id());
            if (row == null) {
                row = new TransferRow(transfer, nanos);
            } else {
                row.update(transfer, nanos);
            }
            rows.add(row);
        }
        Collections.sort(rows, BY_ID);
    }

    private static Transfer transferOf(TransferEvent event) {
        return switch (event) {
            case TransferEvent.Added added -> added.transfer();
            case TransferEvent.StateChanged changed -> changed.transfer();
            case TransferEvent.Progress progress -> progress.transfer();
            case TransferEvent.Completed completed -> completed.transfer();
            case TransferEvent.Failed failed -> failed.transfer();
            case TransferEvent.Removed removed -> removed.transfer();
            case TransferEvent.AllFinished finished -> throw new IllegalArgumentException("no transfer: " + finished);
        };
    }
}
