package dev.bgtransfer.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;

import org.eclipse.swt.graphics.ImageData;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

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
        assertSameIcon("resumable_yes", view.image(strong, ViewDriver.RESUMABLE));
        assertSameIcon("resumable_no", view.image(undated, ViewDriver.RESUMABLE));
        assertSameIcon("resumable_unknown", view.image(quiet, ViewDriver.RESUMABLE));
        Ui.screenshot(view.table().getShell(), "downloads-view-resumable");
    }

    @Test
    void pausingARowThatCannotResumeAsksFirstAndKeepsItRunningUnlessTold() throws Exception {
        TestFile file = throttled("undated.bin", 74).withoutValidators(true);
        Transfer started = download(file);
        view.waitForRows(1);
        view.waitForCell(0, ViewDriver.RESUMABLE, "No");

        String[] question = new String[1];
        Ui.whenShellOpens("Pause Transfer", shell -> {
            question[0] = Ui.find(shell, org.eclipse.swt.widgets.Label.class, label -> !label.getText().isEmpty())
                    .stream().map(org.eclipse.swt.widgets.Label::getText).reduce("", String::concat);
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

    private static void assertSameIcon(String name, ImageData shown) throws Exception {
        assertNotNull(shown, name + " shown");
        URL url = FrameworkUtil.getBundle(ViewDriver.class).getEntry("icons/" + name + ".png");
        ImageData expected;
        try (InputStream in = url.openStream()) {
            expected = new ImageData(in);
        }
        assertEquals(expected.width, shown.width, name);
        for (int x = 0; x < expected.width; x++) {
            for (int y = 0; y < expected.height; y++) {
                assertEquals(expected.getAlpha(x, y), shown.getAlpha(x, y), name + " alpha at " + x + "," + y);
                if (expected.getAlpha(x, y) == 255) {
                    assertEquals(expected.palette.getRGB(expected.getPixel(x, y)), shown.palette.getRGB(shown.getPixel(x, y)),
                            name + " at " + x + "," + y);
                }
            }
        }
    }
}
