package dev.bgtransfer.remote.internal.composite;

import java.util.List;

import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;

/**
 * The ids the per-user service's transfers carry in a workbench: the service and the workbench's own
 * store number their transfers independently, so the service's ids are moved into a range of their
 * own, from {@link #REMOTE} up, which the ids of a store (counted from 1) never reach.
 */
final class RemoteIds {
    /** The first id of the range; an id with this bit set is the per-user service's. */
    static final long REMOTE = 1L << 62;

    private RemoteIds() {
    }

    static boolean isRemote(long id) {
        return (id & REMOTE) != 0;
    }

    /** @return the id the per-user service knows the transfer {@code mapped} by */
    static long unmapped(long mapped) {
        return mapped & ~REMOTE;
    }

    static long mapped(long remote) {
        return remote | REMOTE;
    }

    static Transfer mapped(Transfer remote) {
        return new Transfer(mapped(remote.id()), remote.url(), remote.title(), remote.destinationFolder(),
                remote.file(), remote.state(), remote.bytesReceived(), remote.totalBytes(), remote.sha256(),
                remote.failure(), remote.nextRetry(), remote.session(), remote.kind(), remote.resumability(),
                remote.mirrors());
    }

    static List<Transfer> mapped(List<Transfer> remote) {
        return remote.stream().map(RemoteIds::mapped).toList();
    }

    static TimelineEntry mapped(TimelineEntry remote) {
        return new TimelineEntry(mapped(remote.transferId()), remote.sequence(), remote.time(), remote.kind(),
                remote.facts());
    }

    static long[] mapped(long[] remote) {
        long[] ids = remote.clone();
        for (int i = 0; i < ids.length; i++) {
            ids[i] = mapped(ids[i]);
        }
        return ids;
    }

    static TransferEvent mapped(TransferEvent remote) {
        return switch (remote) {
            case TransferEvent.Added added -> new TransferEvent.Added(mapped(added.transfer()));
            case TransferEvent.StateChanged changed ->
                new TransferEvent.StateChanged(mapped(changed.transfer()), changed.previous());
            case TransferEvent.Progress progress -> new TransferEvent.Progress(mapped(progress.transfer()));
            case TransferEvent.Completed completed -> new TransferEvent.Completed(mapped(completed.transfer()));
            case TransferEvent.Failed failed -> new TransferEvent.Failed(mapped(failed.transfer()));
            case TransferEvent.Removed removed -> new TransferEvent.Removed(mapped(removed.transfer()));
            case TransferEvent.AllFinished finished ->
                new TransferEvent.AllFinished(finished.session(), mapped(finished.completed()), mapped(finished.failed()));
        };
    }
}
