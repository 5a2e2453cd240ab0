package dev.bgtransfer.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.bgtransfer.core.TransferState;

/** Which row operation applies in which state: the row's buttons, the menu and its enablement all ask this. */
class RowOperationTest {

    @ParameterizedTest
    @EnumSource(TransferState.class)
    void eachStateOffersWhatTheServiceCanDoWithIt(TransferState state) {
        Set<RowOperation> expected = switch (state) {
            case QUEUED, RUNNING -> EnumSet.of(RowOperation.PAUSE, RowOperation.STOP);
            case PAUSED -> EnumSet.of(RowOperation.START, RowOperation.STOP);
            case FAILED -> EnumSet.of(RowOperation.RETRY, RowOperation.STOP);
            case CANCELLED -> EnumSet.of(RowOperation.START);
            case COMPLETED -> EnumSet.noneOf(RowOperation.class);
        };
        Set<RowOperation> offered = EnumSet.noneOf(RowOperation.class);
        for (RowOperation operation : RowOperation.values()) {
            if (operation.appliesTo(state)) {
                offered.add(operation);
            }
        }
        assertEquals(expected, offered);
    }

    @ParameterizedTest
    @EnumSource(TransferState.class)
    void theToggleOffersPauseWhileActiveRetryAfterAFailureStartOtherwise(TransferState state) {
        RowOperation expected = switch (state) {
            case QUEUED, RUNNING -> RowOperation.PAUSE;
            case FAILED -> RowOperation.RETRY;
            case PAUSED, CANCELLED, COMPLETED -> RowOperation.START;
        };
        assertEquals(expected, RowOperation.toggleFor(state));
    }
}
