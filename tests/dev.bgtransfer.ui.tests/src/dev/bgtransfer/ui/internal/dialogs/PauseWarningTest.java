package dev.bgtransfer.ui.internal.dialogs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Resumability;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferKind;
import dev.bgtransfer.core.TransferState;

/** Which pauses cost the bytes, and how the question names them. */
class PauseWarningTest {

    private static Transfer transfer(String title, TransferState state, Resumability resumability) {
        return new Transfer(title.length(), URI.create("https://example.org/" + title), title, Path.of("/tmp"),
                Optional.empty(), state, 10, 100, Optional.empty(), Optional.empty(), Optional.empty(), "s",
                TransferKind.DOWNLOAD, resumability);
    }

    @Test
    void onlyQueuedOrRunningTransfersThatCannotResumeCostTheirBytes() {
        Transfer running = transfer("a.bin", TransferState.RUNNING, Resumability.NO_RANGES);
        Transfer queued = transfer("bb.bin", TransferState.QUEUED, Resumability.WEAK_ETAG_ONLY);
        List<Transfer> all = List.of(running, queued,
                transfer("ccc.bin", TransferState.PAUSED, Resumability.NO_RANGES),
                transfer("dddd.bin", TransferState.RUNNING, Resumability.RANGES_NOT_ANNOUNCED),
                transfer("eeeee.bin", TransferState.RUNNING, Resumability.RANGES_AND_STRONG_ETAG));

        assertEquals(List.of(running, queued), PauseWarning.costly(all));
    }

    @Test
    void theQuestionNamesEachAndWhy() {
        assertEquals("This transfer cannot resume:\n\na.bin: no strong validator (weak ETag only)\n\nIf it is paused, its"
                + " bytes will be fetched again from the start when it starts.", PauseWarning.question(
                        List.of(transfer("a.bin", TransferState.RUNNING, Resumability.WEAK_ETAG_ONLY))));
        assertEquals("These transfers cannot resume:\n\na.bin: no strong validator (weak ETag only)\nbb.bin: the server"
                + " says it offers no byte ranges (Accept-Ranges: none)\n\nIf they are paused, their bytes will be"
                + " fetched again from the start when they start.", PauseWarning.question(List.of(
                        transfer("a.bin", TransferState.RUNNING, Resumability.WEAK_ETAG_ONLY),
                        transfer("bb.bin", TransferState.QUEUED, Resumability.RANGES_REFUSED))));
    }
}
