package dev.bgtransfer.ui.internal.view;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferKind;
import dev.bgtransfer.core.TransferState;

/**
 * One row of the Downloads view: the snapshot of a transfer its texts show, the latest one (its
 * progress bar and the percentage painted on it) and its measured speed. The view keeps one row
 * object per unfinished transfer and updates it, so its speed and the viewer's selection survive
 * updates. The texts of a running transfer's cells follow its progress at most every
 * {@link #TEXT_INTERVAL_NANOS} (speed, time left, bytes, percentage: a person reads them no faster,
 * and GTK repaints the whole row for a changed text); every other change shows at once. Used on
 * the UI thread only.
 */
public final class TransferRow {
    /** How often the texts of a running transfer follow its progress. */
    static final long TEXT_INTERVAL_NANOS = 1_000_000_000L;

    private final SpeedMeter speed = new SpeedMeter();
    private Transfer transfer;
    private Transfer latest;
    private long shownNanos;
    /** Whether {@link #transfer()} changed since the cells last took it. */
    private boolean textsChanged;
    private OptionalDouble shownSpeed = OptionalDouble.empty();
    private Optional<Duration> shownTimeLeft = Optional.empty();
    /** The filled width in pixels the progress bar was last painted with, or -1, and the cell's width then. */
    private int paintedFill = -1;
    private int paintedWidth;

    TransferRow(Transfer transfer, long nanos) {
        update(transfer, nanos);
    }

    /** @return the transfer's id */
    long id() {
        return transfer.id();
    }

    /** @return the snapshot of the transfer that the row's texts show */
    public Transfer transfer() {
        return transfer;
    }

    /** @return the latest snapshot of the transfer, ahead of {@link #transfer()} by at most a second of progress */
    Transfer latest() {
        return latest;
    }

    /** @return whether the row is an upload: its file is the one being sent */
    boolean isUpload() {
        return transfer.kind() == TransferKind.UPLOAD;
    }

    /** Takes a changed snapshot: the texts show it at once. @return whether the state changed */
    boolean update(Transfer next, long nanos) {
        boolean stateChanged = transfer == null || transfer.state() != next.state();
        sample(next, nanos);
        show(next, nanos);
        return stateChanged;
    }

    /**
     * Takes a snapshot that differs only by its progress: the bar follows it, the texts once
     * {@link #TEXT_INTERVAL_NANOS} passed since they last changed.
     *
     * @return whether the texts follow it now
     */
    boolean progress(Transfer next, long nanos) {
        if (transfer.state() != TransferState.RUNNING || next.state() != TransferState.RUNNING) {
            update(next, nanos);
            return true;
        }
        sample(next, nanos);
        if (nanos - shownNanos < TEXT_INTERVAL_NANOS) {
            return false;
        }
        show(next, nanos);
        return true;
    }

    private void sample(Transfer next, long nanos) {
        if (next.state() == TransferState.RUNNING) {
            speed.sample(nanos, next.bytesReceived());
        } else {
            speed.reset();
        }
        latest = next;
    }

    private void show(Transfer next, long nanos) {
        transfer = next;
        shownNanos = nanos;
        textsChanged = true;
        boolean running = next.state() == TransferState.RUNNING;
        shownSpeed = running ? speed.bytesPerSecond() : OptionalDouble.empty();
        shownTimeLeft = running && next.isSizeKnown() ? speed.timeLeft(next.totalBytes() - next.bytesReceived())
                : Optional.empty();
    }

    /** @return whether the texts changed since the last call (which the cells then take) */
    boolean takeTextsChanged() {
        boolean changed = textsChanged;
        textsChanged = false;
        return changed;
    }

    /** @return bytes per second while running, once measured, as the texts show it */
    OptionalDouble bytesPerSecond() {
        return shownSpeed;
    }

    /** @return the estimated time left while running, when size and speed are known, as the texts show it */
    Optional<Duration> timeLeft() {
        return shownTimeLeft;
    }

    /** @return the filled width the progress bar was last painted with, or -1 before it was painted */
    int paintedFill() {
        return paintedFill;
    }

    /** @return the width of the cell the progress bar was last painted in */
    int paintedWidth() {
        return paintedWidth;
    }

    void painted(int fill, int cellWidth) {
        paintedFill = fill;
        paintedWidth = cellWidth;
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
