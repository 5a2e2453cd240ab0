package dev.bgtransfer.ui.internal.view;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferKind;
import dev.bgtransfer.core.TransferState;

/**
 * One row of the Downloads view: the latest snapshot of a transfer and its measured speed. The
 * view keeps one row object per unfinished transfer and updates it, so its speed and the viewer's
 * selection survive updates. Used on the UI thread only.
 */
public final class TransferRow {
    private final SpeedMeter speed = new SpeedMeter();
    private Transfer transfer;

    TransferRow(Transfer transfer, long nanos) {
        update(transfer, nanos);
    }

    /** @return the transfer's id */
    long id() {
        return transfer.id();
    }

    /** @return the latest snapshot of the transfer */
    public Transfer transfer() {
        return transfer;
    }

    /** @return whether the row is an upload: its file is the one being sent */
    boolean isUpload() {
        return transfer.kind() == TransferKind.UPLOAD;
    }

    /** @return whether the state changed */
    boolean update(Transfer next, long nanos) {
        boolean stateChanged = transfer == null || transfer.state() != next.state();
        if (next.state() == TransferState.RUNNING) {
            speed.sample(nanos, next.bytesReceived());
        } else {
            speed.reset();
        }
        transfer = next;
        return stateChanged;
    }

    /** @return bytes per second while running, once measured */
    OptionalDouble bytesPerSecond() {
        return transfer.state() == TransferState.RUNNING ? speed.bytesPerSecond() : OptionalDouble.empty();
    }

    /** @return the estimated time left while running, when size and speed are known */
    Optional<Duration> timeLeft() {
        if (transfer.state() != TransferState.RUNNING || !transfer.isSizeKnown()) {
            return Optional.empty();
        }
        return speed.timeLeft(transfer.totalBytes() - transfer.bytesReceived());
    }

    /** Rows are equal when they show the same transfer: a completed row read again stays selected. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TransferRow row && row.id() == id();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id());
    }

    @Override
    public String toString() {
        return "TransferRow" + transfer;
    }
}
