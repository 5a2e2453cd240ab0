package dev.bgtransfer.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Resumability;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.ui.internal.view.ViewDriver;

/**
 * Each row says whether its transfer can resume, with an icon, a word and a tooltip saying why; the
 * row's pause of one that cannot asks first, and a Pause of one that can does not.
 */
class ResumableRowTest extends WorkbenchTest {

    @Test
    void eachRowShowsWhetherItCanResumeWithItsIconAndWhyInItsTooltip() throws Exception {
        download(server.addFile("/files/strong.bin", 100_000, 71));
        download(server.addFile("/files/undated.bin", 100_000, 72).withoutValidators(true));
        download(server.addFile("/files/quiet.bin", 100_000, 73).rangesUnannounced(true));
        view.waitForRows(3);
        int strong = view.row("strong.bin");
        int undated = view.row("undated.bin");
        int quiet = view.row("quiet.bin");
        view.waitForCell(strong, ViewDriver.RESUMABLE, "Yes");
        view.waitForCell(undated, ViewDriver.RESUMABLE, "No");
        view.waitForCell(quiet, ViewDriver.RESUMABLE, "Unknown");

        assertEquals("Can resume after a pause or a dropped connection: the server offers byte ranges and a strong ETag.",
                view.tooltip(strong, ViewDriver.RESUMABLE));
        assertEquals("Cannot resume: the server sends no ETag or Last-Modified, so a changed file could not be told from"
                + " this one. After a pause or a dropped connection its bytes are transferred again from the start.",
                view.tooltip(undated, ViewDriver.RESUMABLE));
        assertEquals("Not known yet whether it can resume: the server did not say whether it offers byte ranges; a resume"
                + " will tell.", view.tooltip(quiet, ViewDriver.RESUMABLE));
        assertPainted("resumable_yes", view.cellPixels(strong, ViewDriver.RESUMABLE));
        assertPainted("resumable_no", view.cellPixels(undated, ViewDriver.RESUMABLE));
        assertPainted("resumable_unknown", view.cellPixels(quiet, ViewDriver.RESUMABLE));
        view.screenshotMaximized("downloads-view-resumable");
    }

    @Test
    void pausingARowThatCannotResumeAsksFirstAndKeepsItRunningUnlessTold() throws Exception {
        TestFile file = server.addFile("/files/undated.bin", 30_000_000, 74).throttle(RATE).withoutValidators(true);
        Transfer started = download(file);
        view.waitForRows(1);
        view.waitForCell(0, ViewDriver.RESUMABLE, "No");

        String[] question = new String[1];
        Ui.whenShellOpens("Pause Transfer", shell -> {
            question[0] = Ui.find(shell, org.eclipse.swt.widgets.Label.class, label -> !label.getText().isEmpty())
                    .stream().map(org.eclipse.swt.widgets.Label::getText).reduce("", String::concat);
            try {
                Ui.screenshot(shell, "pause-warning");
            } catch (java.io.IOException unwritten) {
                throw new java.io.UncheckedIOException(unwritten);
            }
            Ui.select(Ui.button(shell, "Keep Running"));
        });
        view.clickToggle(0);
        Ui.spin(300);
        assertEquals(TransferState.RUNNING, fixture.service().get(started.id()).orElseThrow().state(), "kept running");
        assertNotNull(question[0], "the warning opened");
        assertTrue(question[0].contains("undated.bin: the server sends no ETag or Last-Modified")
                && question[0].contains("its bytes will be fetched again from the start"), question[0]);

        Ui.whenShellOpens("Pause Transfer", shell -> Ui.select(Ui.button(shell, "Pause Anyway")));
        view.clickToggle(0);
        view.waitForCell(0, ViewDriver.STATUS, "Paused");
        assertEquals(TransferState.PAUSED, fixture.service().get(started.id()).orElseThrow().state());
        assertEquals(Resumability.NO_VALIDATOR, fixture.service().get(started.id()).orElseThrow().resumability());
    }

    /**
     * The icons' colours (releng/scripts/draw-icons.py: GREEN, RED, GRAY): the cell shows the one of
     * {@code icon} and neither of the others.
     */
    private static void assertPainted(String icon, ImageData cell) {
        Map<String, RGB> colours = Map.of("resumable_yes", new RGB(50, 150, 60), "resumable_no", new RGB(200, 60, 50),
                "resumable_unknown", new RGB(95, 105, 115));
        colours.forEach((name, colour) -> assertEquals(name.equals(icon), shows(cell, colour),
                icon + "'s cell shows the colour of " + name + ": " + shows(cell, colour)));
    }

    private static boolean shows(ImageData cell, RGB colour) {
        for (int x = 0; x < cell.width; x++) {
            for (int y = 0; y < cell.height; y++) {
                RGB pixel = cell.palette.getRGB(cell.getPixel(x, y));
                if (Math.abs(pixel.red - colour.red) + Math.abs(pixel.green - colour.green)
                        + Math.abs(pixel.blue - colour.blue) <= 6) {
                    return true;
                }
            }
        }
        return false;
    }
}
