package dev.bgtransfer.ui.internal.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.prefs.BackingStoreException;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.ui.tests.Snapshots;

/** The record of what is under way: what each event does to it, and what the next start reads back. */
class UnderWayRecordTest {
    private final IEclipsePreferences node = InstanceScope.INSTANCE.getNode("dev.bgtransfer.ui.tests.underWay");
    private final List<UnderWayRecord> records = new ArrayList<>();

    @AfterEach
    void removeTheNode() throws BackingStoreException {
        records.forEach(UnderWayRecord::close); // no save left to run on a removed node
        node.removeNode();
    }

    @Test
    void queuedAndRunningAreRecordedAndWhatEndsPausesOrIsRemovedIsNot() {
        UnderWayRecord record = record();
        List.of(new TransferEvent.Added(at(1, TransferState.QUEUED)), new TransferEvent.Added(at(2, TransferState.QUEUED)),
                new TransferEvent.Added(at(3, TransferState.QUEUED)), new TransferEvent.Added(at(4, TransferState.CANCELLED)),
                new TransferEvent.StateChanged(at(1, TransferState.RUNNING), TransferState.QUEUED),
                new TransferEvent.Progress(at(1, TransferState.RUNNING)),
                new TransferEvent.StateChanged(at(2, TransferState.PAUSED), TransferState.QUEUED),
                new TransferEvent.Removed(at(3, TransferState.QUEUED))).forEach(record::heard);

        assertEquals(Set.of(1L), record.ids());
        record.heard(new TransferEvent.Completed(at(1, TransferState.COMPLETED)));
        assertEquals(Set.of(), record.ids());
    }

    @Test
    void theNextStartReadsWhatTheLastOneRecordedAndSkipsWhatIsNotAnId() {
        UnderWayRecord last = record();
        last.heard(new TransferEvent.Added(at(7, TransferState.QUEUED)));
        last.heard(new TransferEvent.Added(at(1L << 62 | 9, TransferState.RUNNING)));

        assertEquals(Set.of(7L, 1L << 62 | 9), record().ids());
        node.put(UnderWayRecord.KEY, " 5  x 6 ");
        assertEquals(Set.of(5L, 6L), record().ids());
    }

    private UnderWayRecord record() {
        UnderWayRecord record = new UnderWayRecord(node);
        records.add(record);
        return record;
    }

    private static Transfer at(long id, TransferState state) {
        return Snapshots.titled(id, id + ".bin", state, 0, 10);
    }
}
