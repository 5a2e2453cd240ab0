package dev.bgtransfer.ui.tests;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestFile;

/** The row menu's Change URL...: a paused download given its file's new URL finishes from its bytes. */
class ChangeUrlTest extends WorkbenchTest {

    @Test
    void aPausedDownloadMovedToANewUrlFinishesRangedFromThere() throws Exception {
        TestFile old = server.addFile("/expired/file.bin", 4_000_000, 71).throttle(500_000);
        TestFile moved = server.addFile("/fresh/file.bin", 4_000_000, 71);
        Transfer started = download(old);
        view.waitForRows(1);
        fixture.awaitBytes(started.id(), 200_000);
        fixture.service().pause(started.id());
        Transfer paused = fixture.awaitState(started.id(), TransferState.PAUSED);
        view.select(0);
        List<String> seen = new ArrayList<>();

        Ui.whenShellOpens("Change URL", shell -> {
            Text url = Ui.find(shell, Text.class, text -> (text.getStyle() & SWT.BORDER) != 0).getFirst();
            Button ok = Ui.button(shell, "OK");
            seen.add(url.getText() + " " + ok.isEnabled());
            url.setText("ftp://example.org/file.bin");
            seen.add(ok.isEnabled() + " " + Ui.find(shell, Text.class, text -> (text.getStyle() & SWT.READ_ONLY) != 0)
                    .stream().map(Text::getText).toList());
            url.setText(server.uri(moved.path()).toString());
            seen.add(String.valueOf(ok.isEnabled()));
            try {
                Ui.screenshot(shell, "change-url");
            } catch (java.io.IOException notSaved) {
                seen.add(notSaved.toString());
            }
            Ui.select(ok.isEnabled() ? ok : Ui.button(shell, "Cancel"));
        });
        view.rowMenu("Change URL...");

        assertEquals(server.uri(old.path()) + " false", seen.get(0), "the current URL, which OK does not take");
        assertTrue(seen.get(1).startsWith("false") && seen.get(1).contains("Only http and https"), seen.get(1));
        assertEquals("true", seen.get(2));
        fixture.await(paused.id(), "the new URL", transfer -> transfer.url().equals(server.uri(moved.path())));
        fixture.service().start(paused.id());
        Transfer done = fixture.awaitState(paused.id(), TransferState.COMPLETED);
        assertEquals(paused.bytesReceived(), server.requests(moved.path()).getFirst().rangeStart().orElseThrow());
        assertEquals(moved.sha256(), sha256(done.file().orElseThrow()));
    }
}
