package dev.bgtransfer.ui.internal.view;

import java.util.List;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;

/** What the {@link TransferFeed} hands to the view: an event, or every transfer as read from the service. */
sealed interface FeedItem {

    /** An event as the service announced it. */
    record Event(TransferEvent event) implements FeedItem {
    }

    /**
     * Every transfer's id and every unfinished transfer, oldest first, as the service returned them.
     *
     * @param ids        as {@code TransferService.ids()} returned them
     * @param unfinished as {@code TransferService.unfinished()} returned them
     */
    record Snapshot(long[] ids, List<Transfer> unfinished) implements FeedItem {
    }
}
