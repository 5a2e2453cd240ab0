package dev.bgtransfer.ui.internal.view;

import static dev.bgtransfer.ui.tests.Snapshots.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.ui.internal.RowOperation;

/** Where a row's two painted buttons are, what they do, and which one a click hits. */
class RowButtonTest {
    private static final Rectangle CELL = new Rectangle(100, 40, 64, 26);

    @Test
    void theToggleComesFirstAndStopBesideItCenteredInTheCell() {
        assertEquals(new Rectangle(106, 43, 20, 20), RowButton.TOGGLE.bounds(CELL));
        assertEquals(new Rectangle(130, 43, 20, 20), RowButton.STOP.bounds(CELL));
    }

    @Test
    void aClickHitsTheEnabledButtonUnderIt() {
        Point onToggle = new Point(110, 50);
        Point onStop = new Point(149, 62);
        Point between = new Point(128, 50);

        assertEquals(Optional.of(RowButton.TOGGLE), RowButton.at(CELL, onToggle, running()));
        assertEquals(Optional.of(RowButton.STOP), RowButton.at(CELL, onStop, running()));
        assertEquals(Optional.empty(), RowButton.at(CELL, between, running()));
        assertEquals(Optional.empty(), RowButton.at(CELL, new Point(130, 63), running()), "just below stop");
    }

    @Test
    void aDisabledOrHiddenButtonIsNeverHit() {
        Point onStop = new Point(140, 50);
        assertEquals(Optional.empty(), RowButton.at(CELL, onStop, transfer(1, TransferState.CANCELLED, 0, 10)),
                "a stopped transfer has nothing to stop");
        assertEquals(Optional.empty(), RowButton.at(CELL, new Point(110, 50), transfer(1, TransferState.COMPLETED, 10, 10)),
                "a completed row shows Ready instead");
    }

    @Test
    void theToggleDoesWhatTheStateOffersAndStopAlwaysStops() {
        assertEquals(RowOperation.PAUSE, RowButton.TOGGLE.operation(TransferState.RUNNING));
        assertEquals(RowOperation.RETRY, RowButton.TOGGLE.operation(TransferState.FAILED));
        assertEquals(RowOperation.START, RowButton.TOGGLE.operation(TransferState.PAUSED));
        assertEquals(RowOperation.STOP, RowButton.STOP.operation(TransferState.PAUSED));
    }

    private static Transfer running() {
        return transfer(1, TransferState.RUNNING, 5, 10);
    }
}
