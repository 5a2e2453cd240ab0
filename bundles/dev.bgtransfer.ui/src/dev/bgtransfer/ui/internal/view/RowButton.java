package dev.bgtransfer.ui.internal.view;

import java.util.Optional;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.ui.internal.RowOperation;

/**
 * The two buttons painted in a row's controls cell: the start/pause toggle and stop. Where they
 * are, what they do, and which one a point hits.
 */
enum RowButton {
    /** Start, pause, resume or retry, depending on the state. */
    TOGGLE,
    /** Stop: the partial bytes are deleted. */
    STOP;

    /** The side of a button in pixels. */
    static final int SIZE = 20;
    private static final int INSET = 6;
    private static final int GAP = 4;

    /** @return where this button is painted in a controls cell with bounds {@code cell} */
    Rectangle bounds(Rectangle cell) {
        int x = cell.x + INSET + ordinal() * (SIZE + GAP);
        return new Rectangle(x, cell.y + (cell.height - SIZE) / 2, SIZE, SIZE);
    }

    /** @return whether a row in this state shows its buttons (a completed one shows "Ready") */
    static boolean shown(TransferState state) {
        return state != TransferState.COMPLETED;
    }

    /** @return what this button does for the transfer now */
    RowOperation operation(TransferState state) {
        return this == TOGGLE ? RowOperation.toggleFor(state) : RowOperation.STOP;
    }

    /** @return whether this button does something for the transfer now */
    boolean enabled(TransferState state) {
        return shown(state) && operation(state).appliesTo(state);
    }

    /** @return the enabled button of {@code transfer}'s row under {@code point}, if any */
    static Optional<RowButton> at(Rectangle cell, Point point, Transfer transfer) {
        for (RowButton button : values()) {
            if (button.enabled(transfer.state()) && button.bounds(cell).contains(point)) {
                return Optional.of(button);
            }
        }
        return Optional.empty();
    }
}
