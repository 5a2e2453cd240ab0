package dev.bgtransfer.ui.internal.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.bgtransfer.ui.tests.Snapshots.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;

/**
 * The Downloads view's rows without a table: the order, what a batch of events changes and says it
 * changed, and which rows are held or read from the service a page at a time.
 */
class RowListTest {
    private static final long SIZE = 1_000;

    /** What the service has stored; the rows read their pages from it. */
    private final TreeMap<Long, Transfer> stored = new TreeMap<>();
    private final List<Long> pagesReadFrom = new ArrayList<>();
    private final RowList rows = new RowList((fromId, max) -> {
        pagesReadFrom.add(fromId);
        return stored.tailMap(fromId).values().stream().limit(max).toList();
    });
    private long nanos;

    @Test
    void aSnapshotListsEveryIdOldestFirstAndHoldsOnlyTheUnfinished() {
        store(1, TransferState.COMPLETED);
        Transfer running = store(2, TransferState.RUNNING);
        store(3, TransferState.COMPLETED);
        Transfer queued = store(4, TransferState.QUEUED);

        RowList.Applied applied = apply(snapshot(List.of(running, queued), 1, 2, 3, 4));

        assertTrue(applied.structural());
        assertEquals(0, applied.firstMoved(), "every row is shown anew");
        assertTrue(applied.statesChanged());
        assertEquals(List.of(1L, 2L, 3L, 4L), ids());
        assertEquals(2, rows.heldRows(), "the completed ones are read when shown");
        assertEquals(List.of(), pagesReadFrom);
        assertEquals(1, rows.indexOf(2));
        assertTrue(rows.indexOf(5) < 0);
    }

    @Test
    void completedRowsAreReadAPageAtATimeWhenTheTableAsksForThem() {
        long count = 3 * RowList.PAGE;
        LongStream.rangeClosed(1, count).forEach(id -> store(id, TransferState.COMPLETED));
        apply(snapshot(List.of(), LongStream.rangeClosed(1, count).toArray()));

        assertEquals("file-1.bin", rows.get(0).transfer().title());
        assertEquals("file-10.bin", rows.get(9).transfer().title());
        assertEquals("file-" + (RowList.PAGE + 1) + ".bin", rows.get(RowList.PAGE).transfer().title());

        assertEquals(List.of(1L, RowList.PAGE + 1L), pagesReadFrom, "one read per page, from the row asked for");
        assertEquals(2 * RowList.PAGE, rows.heldRows());
    }

    @Test
    void aPageHoldsOnlyRowsStillListedAndARowTheServiceNoLongerHasIsNull() {
        store(1, TransferState.COMPLETED);
        store(2, TransferState.COMPLETED);
        store(3, TransferState.COMPLETED); // its removal is on its way: no longer listed
        apply(snapshot(List.of(), 1, 2, 3, 4)); // 4 is listed, but the service removed it meanwhile
        apply(removed(3));

        assertEquals("file-1.bin", rows.get(0).transfer().title());
        assertEquals(2, rows.heldRows(), "3 was on the page but is not held");
        assertNull(rows.get(2), "4 is gone from the service");
    }

    @Test
    void theCompletedRowsHeldAreBoundedByWhatWasShownLately() {
        int count = RowList.SHOWN_HISTORY * 3;
        LongStream.rangeClosed(1, count).forEach(id -> store(id, TransferState.COMPLETED));
        apply(snapshot(List.of(), LongStream.rangeClosed(1, count).toArray()));

        IntStream.range(0, count).forEach(rows::get);

        assertTrue(rows.heldRows() <= RowList.SHOWN_HISTORY, rows.heldRows() + " rows held");
        int reads = pagesReadFrom.size();
        rows.get(count - 1);
        assertEquals(reads, pagesReadFrom.size(), "the last row shown is still held");
        rows.get(0);
        assertEquals(reads + 1, pagesReadFrom.size(), "the first one is read again");
    }

    @Test
    void aNewTransferAtTheEndMovesNoRow() {
        apply(snapshot(List.of(), 1, 2));

        RowList.Applied applied = apply(added(transfer(3, TransferState.QUEUED, 0, SIZE)));

        assertTrue(applied.structural());
        assertEquals(Integer.MAX_VALUE, applied.firstMoved());
        assertTrue(applied.statesChanged());
        assertEquals(Set.of(rows.get(2)), applied.changed());
        assertEquals(List.of(1L, 2L, 3L), ids());
    }

    @Test
    void aTransferHeardOfLateGoesInItsPlaceAndMovesTheRowsAfterIt() {
        apply(snapshot(List.of(), 1, 5, 7));

        RowList.Applied applied = apply(added(transfer(3, TransferState.QUEUED, 0, SIZE)));

        assertEquals(List.of(1L, 3L, 5L, 7L), ids());
        assertEquals(1, applied.firstMoved());
    }

    @Test
    void eventsUpdateTheSameRowAndOnlyAStateChangeAsksForEnablementAgain() {
        apply(added(transfer(1, TransferState.QUEUED, 0, SIZE)));
        TransferRow row = rows.get(0);

        RowList.Applied started = apply(stateChanged(transfer(1, TransferState.RUNNING, 0, SIZE), TransferState.QUEUED));
        RowList.Applied progressed = apply(progress(transfer(1, TransferState.RUNNING, 400, SIZE)),
                progress(transfer(1, TransferState.RUNNING, 500, SIZE)));

        assertTrue(started.statesChanged());
        assertFalse(progressed.structural());
        assertFalse(progressed.statesChanged(), "progress changes no state");
        assertEquals(Set.of(row), progressed.changed(), "one row, however many events");
        assertSame(row, rows.get(0), "the row keeps its identity, its speed and its selection");
        assertEquals(500, row.latest().bytesReceived(), "the bar follows every event");
        assertEquals(400, row.transfer().bytesReceived(), "the texts follow progress once a second");
        assertTrue(row.bytesPerSecond().isPresent(), "measured across the updates");
    }

    @Test
    void aRemovedTransferLeavesAndTheRowsAfterItMove() {
        apply(added(transfer(1, TransferState.RUNNING, 0, SIZE)), added(transfer(2, TransferState.RUNNING, 0, SIZE)),
                added(transfer(3, TransferState.RUNNING, 0, SIZE)));

        RowList.Applied applied = apply(progress(transfer(2, TransferState.RUNNING, 10, SIZE)),
                progress(transfer(3, TransferState.RUNNING, 10, SIZE)), removed(2));

        assertEquals(List.of(1L, 3L), ids());
        assertTrue(applied.structural());
        assertEquals(1, applied.firstMoved());
        assertEquals(Set.of(rows.get(1)), applied.changed(), "the removed row is not redrawn");
        assertEquals(2, rows.heldRows());
        assertTrue(apply(removed(9)).isEmpty(), "an unknown transfer changes nothing");
    }

    @Test
    void aBatchThatRemovesMostRowsAmongOtherEventsLeavesTheRest() {
        apply(snapshot(List.of(), LongStream.rangeClosed(1, 2_000).toArray()));
        List<FeedItem> batch = new ArrayList<>();
        LongStream.rangeClosed(1, 2_000).filter(id -> id % 500 != 0).forEach(id -> batch.add(removed(id)));
        batch.add(added(transfer(2_001, TransferState.QUEUED, 0, SIZE)));
        batch.add(progress(transfer(7, TransferState.RUNNING, 10, SIZE))); // removed earlier in the batch

        RowList.Applied applied = apply(batch.toArray(FeedItem[]::new));

        assertEquals(List.of(500L, 1_000L, 1_500L, 2_000L, 2_001L), ids());
        assertEquals(0, applied.firstMoved());
        assertEquals(2_001L, rows.get(4).id());
        assertEquals(1, rows.heldRows(), "no row for a transfer removed earlier in the batch");
        assertEquals(2, rows.indexOf(1_500));
    }

    @Test
    void allFinishedChangesNoRow() {
        apply(added(transfer(1, TransferState.COMPLETED, SIZE, SIZE)));

        RowList.Applied applied = apply(new FeedItem.Event(new TransferEvent.AllFinished(TransferSession.DEFAULT_IDENTIFIER,
                List.of(transfer(1, TransferState.COMPLETED, SIZE, SIZE)), List.of())));

        assertTrue(applied.isEmpty());
        assertFalse(applied.statesChanged());
    }

    @Test
    void aSnapshotKeepsTheRowsHeldAndSkipsATransferRemovedBetweenItsTwoReads() {
        apply(added(transfer(1, TransferState.RUNNING, 100, SIZE)));
        TransferRow row = rows.get(0);

        RowList.Applied applied = apply(progress(transfer(1, TransferState.RUNNING, 200, SIZE)),
                snapshot(List.of(transfer(1, TransferState.RUNNING, 300, SIZE), transfer(2, TransferState.RUNNING, 0, SIZE)),
                        1));

        assertSame(row, rows.get(0));
        assertEquals(300, row.transfer().bytesReceived());
        assertEquals(List.of(1L), ids());
        assertEquals(1, rows.heldRows(), "2 was removed after the ids were read");
        assertEquals(Set.of(), applied.changed(), "everything is shown anew from the first row");
        assertEquals(0, applied.firstMoved());
    }

    private Transfer store(long id, TransferState state) {
        Transfer transfer = transfer(id, state, state == TransferState.COMPLETED ? SIZE : 0, SIZE);
        stored.put(id, transfer);
        return transfer;
    }

    private RowList.Applied apply(FeedItem... items) {
        nanos += 1_000_000_000L;
        return rows.apply(List.of(items), nanos);
    }

    private List<Long> ids() {
        return IntStream.range(0, rows.size()).mapToObj(rows::idAt).toList();
    }

    private static FeedItem snapshot(List<Transfer> unfinished, long... ids) {
        return new FeedItem.Snapshot(ids, unfinished);
    }

    private static FeedItem added(Transfer transfer) {
        return new FeedItem.Event(new TransferEvent.Added(transfer));
    }

    private static FeedItem stateChanged(Transfer transfer, TransferState previous) {
        return new FeedItem.Event(new TransferEvent.StateChanged(transfer, previous));
    }

    private static FeedItem progress(Transfer transfer) {
        return new FeedItem.Event(new TransferEvent.Progress(transfer));
    }

    private static FeedItem removed(long id) {
        return new FeedItem.Event(new TransferEvent.Removed(transfer(id, TransferState.CANCELLED, 0, SIZE)));
    }
}
