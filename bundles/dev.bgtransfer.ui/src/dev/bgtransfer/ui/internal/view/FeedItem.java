package dev.bgtransfer.ui.internal.view;

import java.util.List;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;

/** What the {@link TransferFeed} hands to the view: an event, or every transfer as read from the service. */
sealed interface FeedItem {

    /** An event as the service announced it. */
    record Event(TransferEvent event) implements FeedItem {
    }

    /** Every transfer, oldest first, as {@code TransferService.transfers()} returned them. */
    record Snapshot(List<Transfer> transfers) implements FeedItem {
    }
}
