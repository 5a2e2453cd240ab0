package dev.bgtransfer.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.ui.tests.Snapshots;

/** What Open opens: an upload's own file whatever its state, a download's file once complete. */
class OpenableFileTest {

    @ParameterizedTest
    @EnumSource(TransferState.class)
    void anUploadsFileOpensInEveryState(TransferState state) {
        Transfer upload = Snapshots.upload(1, "report.pdf", state, 0, 100);
        assertEquals(upload.file(), OpenableFile.of(upload));
        assertTrue(upload.file().isPresent());
    }

    @ParameterizedTest
    @EnumSource(TransferState.class)
    void aDownloadsFileOpensOnceComplete(TransferState state) {
        Transfer download = Snapshots.transfer(1, state, 0, 100);
        Optional<?> expected = state == TransferState.COMPLETED ? download.file() : Optional.empty();
        assertEquals(expected, OpenableFile.of(download));
    }
}
