package dev.bgtransfer.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.ui.internal.view.ViewDriver;

/**
 * The row menu's Limit Speed...: the limit typed is the one the service then reports and holds a
 * running transfer to, No limit lifts it, a rate that is none keeps OK disabled with a sentence, and
 * several rows get the same limit.
 */
class LimitSpeedTest extends WorkbenchTest {
    private static final String TITLE = "Limit Speed";

    /** What the dialog showed when it opened, and after the answer typed its OK and sentence. */
    private record Seen(String rate, boolean noLimit, boolean okAtFirst, String sentence, boolean ok, String message) {
    }

    /**
     * Opens Limit Speed... on the selected rows and answers it: {@code type} into the rate (unless
     * {@code null}), or No limit with {@code noLimit}; then OK when it is enabled, else Cancel.
     */
    private Seen limitSpeed(String type, boolean noLimit, Consumer<Shell> before) {
        List<Seen> seen = new ArrayList<>();
        Ui.whenShellOpens(TITLE, shell -> {
            Text rate = Ui.find(shell, Text.class, text -> (text.getStyle() & SWT.BORDER) != 0).getFirst();
            Button none = Ui.button(shell, "No limit");
            Button ok = Ui.button(shell, "OK");
            String opened = rate.getText();
            boolean noneAtFirst = none.getSelection();
            boolean okAtFirst = ok.isEnabled();
            if (type != null) {
                rate.setText(type);
            }
            if (noLimit) {
                Button atMost = Ui.button(shell, "At most:");
                atMost.setSelection(false);
                none.setSelection(true);
                none.notifyListeners(SWT.Selection, new Event());
            }
            before.accept(shell);
            seen.add(new Seen(opened, noneAtFirst, okAtFirst, sentence(shell), ok.isEnabled(), message(shell)));
            Ui.select(ok.isEnabled() ? ok : Ui.button(shell, "Cancel"));
        });
        view.rowMenu("Limit Speed...");
        Ui.waitUntil("the dialog was answered", () -> !seen.isEmpty());
        return seen.getFirst();
    }

    private static String sentence(Shell shell) {
        return Ui.find(shell, Text.class, text -> (text.getStyle() & SWT.READ_ONLY) != 0).getFirst().getText();
    }

    private static String message(Shell shell) {
        return Ui.find(shell, Label.class, label -> label.getText().startsWith("How fast")).getFirst().getText();
    }

    @Test
    void theLimitTypedIsTheServicesAndTheRowSaysSoAndNoLimitLiftsIt() {
        Transfer transfer = add(server.addFile("/files/limited.bin", 1_000_000, 1));
        view.waitForRows(1);
        view.select(0);

        Seen set = limitSpeed("300k", false, shell -> { });

        assertEquals(new Seen("", true, true, "", true, set.message()), set, "opened unlimited, took 300k");
        assertTrue(set.message().startsWith("How fast may limited.bin go?"), set.message());
        fixture.await(transfer.id(), "the limit", t -> fixture.service().rateLimit(t.id()).equals(RateLimit.of(300 * 1024)));
        assertEquals("Limited to 300k (307 KB/s)", view.tooltip(0, ViewDriver.STATUS));

        Seen lifted = limitSpeed(null, true, shell -> { });

        assertEquals("300k", lifted.rate(), "the limit it has");
        assertTrue(!lifted.noLimit() && lifted.okAtFirst() && lifted.ok(), lifted.toString());
        fixture.await(transfer.id(), "no limit", t -> !fixture.service().rateLimit(t.id()).isLimited());
        assertNull(view.tooltip(0, ViewDriver.STATUS), "nothing to say of a stopped transfer without a limit");
    }

    @Test
    void aRateThatIsNoneKeepsOkDisabledWithASentenceAndChangesNothing() throws IOException {
        Transfer transfer = add(server.addFile("/files/kept.bin", 1_000_000, 2));
        fixture.service().setRateLimit(transfer.id(), RateLimit.parse("64k"));
        view.waitForRows(1);
        view.select(0);
        List<String> empty = new ArrayList<>();
        Path[] screenshot = new Path[1];

        Seen seen = limitSpeed("fast", false, shell -> {
            Text rate = Ui.find(shell, Text.class, text -> (text.getStyle() & SWT.BORDER) != 0).getFirst();
            try {
                screenshot[0] = Ui.screenshot(shell, "limit-speed-invalid");
                rate.setText("");
                empty.add(Ui.button(shell, "OK").isEnabled() + " " + sentence(shell));
                rate.setText("1.5m");
                Ui.spin(100);
                Ui.screenshot(shell, "limit-speed");
            } catch (IOException notSaved) {
                empty.add(notSaved.toString());
            }
            rate.setText("fast");
        });

        assertEquals("64k", seen.rate());
        assertEquals(false, seen.ok());
        assertTrue(seen.sentence().startsWith("\"fast\" is no rate: give bytes per second"), seen.sentence());
        assertEquals("false Type a rate, such as 500k or 2m, or choose No limit.", empty.getFirst());
        assertTrue(Files.size(screenshot[0]) > 2_000, screenshot[0].toString());
        assertEquals(RateLimit.parse("64k"), fixture.service().rateLimit(transfer.id()), "cancelled: unchanged");
    }

    @Test
    void severalRowsGetTheSameLimitAndTheDialogSaysTheirsDiffered() {
        Transfer one = add(server.addFile("/files/one.bin", 1_000_000, 3));
        Transfer two = add(server.addFile("/files/two.bin", 1_000_000, 4));
        Transfer three = add(server.addFile("/files/three.bin", 1_000_000, 5));
        fixture.service().setRateLimit(two.id(), RateLimit.parse("100k"));
        view.waitForRows(3);
        view.select(0, 1);

        Seen seen = limitSpeed("1m", false, shell -> { });

        assertEquals("", seen.rate(), "no one limit to show");
        assertTrue(seen.message().contains("each of the 2 selected transfers") && seen.message().endsWith(
                "Their limits differ now."), seen.message());
        fixture.await(two.id(), "1m for the second", t -> fixture.service().rateLimit(t.id()).equals(RateLimit.parse("1m")));
        fixture.await(one.id(), "1m for the first", t -> fixture.service().rateLimit(t.id()).equals(RateLimit.parse("1m")));
        assertEquals(RateLimit.UNLIMITED, fixture.service().rateLimit(three.id()), "not selected");
    }

    /**
     * A running download limited from the dialog goes no faster than about its limit: measured as the
     * bytes the service received over three seconds, a second after the limit took hold, from a server
     * that sends about 1 MB/s a connection (four times the limit over one connection, more over the
     * further ones of a download in slices). The bound is twice the limit, so that only a limit not
     * held fails it.
     */
    @Test
    void aRunningDownloadLimitedFromTheDialogIsHeldBack() {
        long served = 1_000_000;
        long limit = 256 * 1024;
        TestFile file = server.addFile("/files/running.bin", 64_000_000, 6).throttle(served);
        Transfer running = download(file);
        view.waitForRows(1);
        fixture.awaitBytes(running.id(), 500_000);
        view.select(0);

        limitSpeed("256k", false, shell -> { });

        fixture.await(running.id(), "the limit", t -> fixture.service().rateLimit(t.id()).equals(RateLimit.of(limit)));
        Ui.spin(1000);
        long before = fixture.service().get(running.id()).orElseThrow().bytesReceived();
        long start = System.nanoTime();
        Ui.spin(3000);
        long received = fixture.service().get(running.id()).orElseThrow().bytesReceived() - before;
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = received / seconds;

        assertTrue(rate < 2 * limit, "limited to " + limit + " B/s, went " + (long) rate + " B/s");
        assertTrue(received > 0, "it still runs");
        fixture.service().stop(running.id());
    }
}
