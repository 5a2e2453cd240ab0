package dev.bgtransfer.ui.internal.view;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferState;

/**
 * The rows of the Downloads view, oldest transfer first (ascending id, as the service lists them).
 * It holds every transfer's id, a row for each unfinished transfer (they change), and rows of
 * completed transfers only while they were shown lately: those are read a page at a time from the
 * service when the table asks for them, so a long history costs an id each, not a row each.
 * Applies batches of {@link FeedItem}s and says what changed, so the view redraws only that. Used
 * on the UI thread only.
 */
final class RowList {
    /** Completed rows read at once around the one the table asks for. */
    static final int PAGE = 64;
    /**
     * Completed rows kept after they were shown: a few screens' worth, and what GTK measures around
     * them while idle (it asks for rows it does not show to learn their height).
     */
    static final int SHOWN_HISTORY = 1024;

    /** Reads up to {@code max} transfers with an id of at least {@code fromId}, oldest first. */
    @FunctionalInterface
    interface PageReader {
        List<Transfer> read(long fromId, int max);
    }

    private final PageReader pages;
    private long[] ids = new long[0];
    private int size;
    private final Map<Long, TransferRow> unfinished = new HashMap<>();
    private final Map<Long, TransferRow> shownHistory = new LinkedHashMap<>(SHOWN_HISTORY, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, TransferRow> eldest) {
            return size() > SHOWN_HISTORY;
        }
    };

    /**
     * What a batch changed.
     *
     * @param structural    rows were added or removed
     * @param firstMoved    the first index that shows another transfer than before ({@link Integer#MAX_VALUE}
     *                      when none does: new transfers only come at the end)
     * @param changed       rows whose snapshot changed
     * @param statesChanged some row changed state, was added or removed
     * @param stateChanged  the ids of the rows added or whose state changed
     */
    record Applied(boolean structural, int firstMoved, Set<TransferRow> changed, boolean statesChanged,
            Set<Long> stateChanged) {
        boolean isEmpty() {
            return !structural && changed.isEmpty();
        }

        /** @return whether one of these rows was added or changed state */
        boolean stateChangedAmong(long[] ids) {
            for (long id : ids) {
                if (stateChanged.contains(id)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** @param pages where completed rows are read when the table shows them */
    RowList(PageReader pages) {
        this.pages = pages;
    }

    /** @return the number of rows */
    int size() {
        return size;
    }

    /** @return the id of the transfer at {@code index} */
    long idAt(int index) {
        return ids[index];
    }

    /**
     * @return the row at {@code index}, read from the service with its neighbours when it is not
     *         held; {@code null} when the service no longer has it (its removal is on its way)
     */
    TransferRow get(int index) {
        long id = ids[index];
        TransferRow row = held(id);
        if (row == null) {
            long nanos = System.nanoTime();
            for (Transfer transfer : pages.read(id, PAGE)) {
                if (held(transfer.id()) == null && indexOf(transfer.id()) >= 0) {
                    hold(new TransferRow(transfer, nanos));
                }
            }
            row = held(id);
        }
        return row;
    }

    /** @return the rows held now: unfinished transfers and completed ones shown lately */
    int heldRows() {
        return unfinished.size() + shownHistory.size();
    }

    private TransferRow held(long id) {
        TransferRow row = unfinished.get(id);
        return row != null ? row : shownHistory.get(id);
    }

    private void hold(TransferRow row) {
        if (row.transfer().state() == TransferState.COMPLETED) {
            unfinished.remove(row.id());
            shownHistory.put(row.id(), row);
        } else {
            unfinished.put(row.id(), row);
        }
    }

    /** @return the index of the row of this transfer, or a negative number when there is none */
    int indexOf(long id) {
        return Arrays.binarySearch(ids, 0, size, id);
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
        int firstMoved = Integer.MAX_VALUE;
        boolean statesChanged = false;
        Set<TransferRow> changed = new LinkedHashSet<>();
        Set<Long> stateChanged = new HashSet<>();
        // ids leave the list once, after the batch: a reset removes every row in one batch
        Set<Long> removedIds = new HashSet<>();
        for (FeedItem item : items) {
            switch (item) {
                case FeedItem.Snapshot snapshot -> {
                    replaceAll(snapshot, nanos);
                    removedIds.clear();
                    changed.clear();
                    structural = true;
                    firstMoved = 0;
                    statesChanged = true;
                }
                case FeedItem.Event(TransferEvent.Removed removed) -> {
                    long id = removed.transfer().id();
                    int index = indexOf(id);
                    if (index >= 0 && removedIds.add(id)) {
                        changed.remove(held(id));
                        unfinished.remove(id);
                        shownHistory.remove(id);
                        structural = true;
                        firstMoved = Math.min(firstMoved, index);
                        statesChanged = true;
                    }
                }
                case FeedItem.Event(TransferEvent.AllFinished ignored) -> {
                    // nothing to show in a row
                }
                case FeedItem.Event(TransferEvent event) -> {
                    Transfer transfer = transferOf(event);
                    if (removedIds.contains(transfer.id())) {
                        continue; // its removal came earlier in this batch
                    }
                    int index = indexOf(transfer.id());
                    TransferRow row = index >= 0 ? held(transfer.id()) : null;
                    if (index < 0) {
                        int at = -index - 1;
                        if (at < size) {
                            firstMoved = Math.min(firstMoved, at);
                        }
                        insert(at, transfer.id());
                        structural = true;
                    }
                    if (row == null) {
                        row = new TransferRow(transfer, nanos);
                        statesChanged = true;
                        stateChanged.add(transfer.id());
                    } else if (event instanceof TransferEvent.Progress) {
                        row.progress(transfer, nanos);
                    } else if (row.update(transfer, nanos)) {
                        statesChanged = true;
                        stateChanged.add(transfer.id());
                    }
                    hold(row);
                    changed.add(row);
                }
            }
        }
        if (!removedIds.isEmpty()) {
            removeIds(removedIds);
        }
        return new Applied(structural, firstMoved, changed, statesChanged, stateChanged);
    }

    private void removeIds(Set<Long> removed) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!removed.contains(ids[i])) {
                ids[kept++] = ids[i];
            }
        }
        size = kept;
    }

    private void insert(int index, long id) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, Math.max(16, size * 2));
        }
        System.arraycopy(ids, index, ids, index + 1, size - index);
        ids[index] = id;
        size++;
    }

    /** Takes every id and the unfinished transfers; rows already held keep their identity and speed. */
    private void replaceAll(FeedItem.Snapshot snapshot, long nanos) {
        ids = snapshot.ids().clone();
        size = ids.length;
        Map<Long, TransferRow> kept = new HashMap<>(unfinished);
        unfinished.clear();
        for (Transfer transfer : snapshot.unfinished()) {
            if (indexOf(transfer.id()) < 0) {
                continue; // removed between the two reads
            }
            TransferRow row = kept.get(transfer.id());
            if (row == null) {
                row = new TransferRow(transfer, nanos);
            } else {
                row.update(transfer, nanos);
            }
            hold(row);
        }
        shownHistory.keySet().removeIf(id -> indexOf(id) < 0);
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
