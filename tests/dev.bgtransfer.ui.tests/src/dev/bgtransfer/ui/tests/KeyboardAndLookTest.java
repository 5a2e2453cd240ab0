package dev.bgtransfer.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.graphics.RGB;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.ui.internal.view.ViewDriver;

/**
 * The Downloads view's shortcuts, as a person without a mouse uses them (Space, Ctrl+C, Ctrl+N),
 * and its painted cells on the dark theme's colors.
 */
class KeyboardAndLookTest extends WorkbenchTest {

    @Test
    void spacePausesAndResumesTheSelectedRowAndCtrlCCopiesItsUrl() throws Exception {
        TestFile file = server.addFile("/files/keys.bin", 6_000_000, 91).throttle(500_000);
        Transfer transfer = download(file);
        view.waitForRows(1);
        fixture.awaitBytes(transfer.id(), 200_000);
        view.select(0);

        Ui.press(view.table(), ' ', ' ');
        fixture.awaitState(transfer.id(), TransferState.PAUSED);
        view.waitForCell(0, ViewDriver.CONTROLS, "Start, Stop");

        Ui.press(view.table(), ' ', ' ');
        Ui.waitUntil("running again", () -> fixture.service().get(transfer.id()).orElseThrow().state().isActive());
        view.waitForCell(0, ViewDriver.CONTROLS, "Pause, Stop");

        Ui.press(view.table(), SWT.MOD1, 'c', (char) 3);
        Clipboard clipboard = new Clipboard(Ui.display());
        try {
            assertEquals(server.uri(file.path()).toString(), clipboard.getContents(TextTransfer.getInstance()));
        } finally {
            clipboard.dispose();
        }
        fixture.service().pause(transfer.id());
    }

    @Test
    void everyColumnIsSeenWholeInAMaximizedViewOnA1024PixelScreen() {
        int overflow = view.columnOverflowMaximized(1024, 768);
        assertTrue(overflow <= 0, "the columns pass the table by " + overflow + " px");
    }

    @Test
    void ctrlNOpensAddDownload() {
        AtomicBoolean opened = new AtomicBoolean();
        Ui.whenShellOpens("Add Download", shell -> {
            opened.set(true);
            Ui.select(Ui.button(shell, "Cancel"));
        });
        view.table().setFocus();
        Ui.press(view.table(), SWT.MOD1, 'n', (char) 14);
        Ui.waitUntil("the Add Download dialog opened", opened::get);
    }

    @Test
    void onTheDarkThemesColorsTheButtonsAreDarkToo() throws Exception {
        TestFile file = server.addFile("/files/dark.bin", 6_000_000, 92).throttle(300_000);
        Transfer transfer = download(file);
        view.waitForRows(1);
        fixture.awaitBytes(transfer.id(), 100_000);
        fixture.service().pause(transfer.id());
        view.waitForCell(0, ViewDriver.CONTROLS, "Start, Stop");
        download(server.addFile("/files/done.bin", 100_000, 93));
        view.waitForRows(2);
        view.waitForCell(1, ViewDriver.CONTROLS, "Ready");

        RGB light = view.toggleFace(0);
        view.darken();
        RGB dark;
        Path screenshot;
        try {
            dark = view.toggleFace(0);
            screenshot = view.screenshotMaximized("downloads-view-dark");
        } finally {
            view.undarken(); // the view is the next test's too
        }

        assertTrue(luminance(light) > 200, "on the light table the button face is light: " + light);
        assertTrue(luminance(dark) < 100, "on the dark table the button face is dark: " + dark);
        assertTrue(Files.size(screenshot) > 5_000, screenshot.toString());
    }

    private static double luminance(RGB rgb) {
        return 0.2126 * rgb.red + 0.7152 * rgb.green + 0.0722 * rgb.blue;
    }
}
