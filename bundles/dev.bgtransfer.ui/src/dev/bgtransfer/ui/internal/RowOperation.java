package dev.bgtransfer.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferState;

/**
 * What a person can do to one transfer from its row, and when. The row's buttons, the context
 * menu's handlers and their enablement (the property tester) all decide from here.
 */
public enum RowOperation {
    /** Start a stopped transfer or resume a paused one. */
    START {
        @Override
        public boolean appliesTo(TransferState state) {
            return state == TransferState.PAUSED || state == TransferState.CANCELLED;
        }

        @Override
        void call(TransferService service, long id) {
            service.start(id);
        }
    },
    /** Pause a queued or running transfer, keeping its bytes. */
    PAUSE {
        @Override
        public boolean appliesTo(TransferState state) {
            return state.isActive();
        }

        @Override
        void call(TransferService service, long id) {
            service.pause(id);
        }
    },
    /** Stop a transfer and delete its partial bytes. */
    STOP {
        @Override
        public boolean appliesTo(TransferState state) {
            return state != TransferState.COMPLETED && state != TransferState.CANCELLED;
        }

        @Override
        void call(TransferService service, long id) {
            service.stop(id);
        }
    },
    /** Start a failed transfer again. */
    RETRY {
        @Override
        public boolean appliesTo(TransferState state) {
            return state == TransferState.FAILED;
        }

        @Override
        void call(TransferService service, long id) {
            service.start(id);
        }
    };

    /** @return whether this operation does something for a transfer in {@code state} */
    public abstract boolean appliesTo(TransferState state);

    abstract void call(TransferService service, long id);

    /** @return whether this operation does something for {@code transfer} */
    private boolean appliesTo(Transfer transfer) {
        return appliesTo(transfer.state());
    }

    /** Applies this operation to the transfers it applies to, off the UI thread. */
    public void run(Iterable<Transfer> transfers) {
        List<Long> ids = new ArrayList<>();
        for (Transfer transfer : transfers) {
            if (appliesTo(transfer)) {
                ids.add(transfer.id());
            }
        }
        if (!ids.isEmpty()) {
            TransferCalls.run(NLS.bind(Messages.rowOperationJob, name().toLowerCase(Locale.ROOT)), service -> ids.forEach(id -> call(service, id)));
        }
    }

    /**
     * @param state the transfer's state
     * @return what the row's start/pause toggle does in this state: pause, retry or start
     */
    public static RowOperation toggleFor(TransferState state) {
        if (PAUSE.appliesTo(state)) {
            return PAUSE;
        }
        return state == TransferState.FAILED ? RETRY : START;
    }
}
