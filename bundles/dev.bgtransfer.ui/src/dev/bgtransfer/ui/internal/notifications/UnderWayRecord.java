package dev.bgtransfer.ui.internal.notifications;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.osgi.service.prefs.BackingStoreException;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferState;

/**
 * Which transfers of the workbench's own session are under way (queued or running), kept as they
 * change in the UI's instance preferences ({@link #KEY}, the ids separated by spaces), so that the
 * next start of the workbench knows what was under way when it last ran, even after a crash or a
 * {@code kill -9}. Written only when the set changes (a transfer added, ended, paused or removed; never
 * for progress), and saved to disk a moment later, once for a burst of changes.
 */
final class UnderWayRecord {

    /** The preference key of the record, in the UI's instance node; not on the preference page. */
    static final String KEY = "underWay";

    private static final long SAVE_DELAY_MILLIS = 200;

    private final IEclipsePreferences node;
    private final Set<Long> ids; // guarded by this
    private final Job save;

    UnderWayRecord(IEclipsePreferences node) {
        this.node = node;
        this.ids = parse(node.get(KEY, ""));
        this.save = Job.create(Messages.saveUnderWayJob, monitor -> {
            flush();
            return Status.OK_STATUS;
        });
        save.setSystem(true);
    }

    /** @return the ids recorded as under way, in order */
    synchronized Set<Long> ids() {
        return new TreeSet<>(ids);
    }

    /** Records what {@code event} says of its transfer: under way, or no longer. */
    void heard(TransferEvent event) {
        switch (event) {
            case TransferEvent.Added added -> update(added.transfer());
            case TransferEvent.StateChanged changed -> update(changed.transfer());
            case TransferEvent.Completed completed -> update(completed.transfer());
            case TransferEvent.Failed failed -> update(failed.transfer());
            case TransferEvent.Removed removed -> forget(Set.of(removed.transfer().id()));
            case TransferEvent.Progress progress -> {
                // the state did not change
            }
            case TransferEvent.AllFinished finished -> {
                // its transfers' own events said it
            }
        }
    }

    /** Takes {@code forgotten} out of the record. */
    void forget(Collection<Long> forgotten) {
        boolean changed;
        synchronized (this) {
            changed = ids.removeAll(forgotten);
        }
        if (changed) {
            changed();
        }
    }

    /** Saves the record now, when the workbench is going away in order. */
    void close() {
        save.cancel();
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException notSaved) {
            ILog.of(UnderWayRecord.class).log(Status.warning(notSaved.getMessage(), notSaved));
        }
    }

    static boolean isUnderWay(Transfer transfer) {
        return transfer.state() == TransferState.QUEUED || transfer.state() == TransferState.RUNNING;
    }

    private void update(Transfer transfer) {
        boolean changed;
        synchronized (this) {
            changed = isUnderWay(transfer) ? ids.add(transfer.id()) : ids.remove(transfer.id());
        }
        if (changed) {
            changed();
        }
    }

    private void changed() {
        synchronized (this) {
            node.put(KEY, ids.stream().map(String::valueOf).collect(Collectors.joining(" ")));
        }
        if (save.getState() != Job.SLEEPING) { // a save already waiting takes this change too
            save.schedule(SAVE_DELAY_MILLIS);
        }
    }

    private static Set<Long> parse(String value) {
        Set<Long> parsed = new TreeSet<>();
        Arrays.stream(value.trim().split("\\s+")).filter(id -> !id.isEmpty()).forEach(id -> {
            try {
                parsed.add(Long.parseLong(id));
            } catch (NumberFormatException damaged) {
                // a hand-edited record: what cannot be read was not ours
            }
        });
        return parsed;
    }
}
