package dev.bgtransfer.ui.tests;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.ui.internal.view.ViewDriver;

/** Add Download... from the view's tool bar: the dialog checks its input before OK. */
class AddDownloadTest extends WorkbenchTest {

    /** What the dialog showed after one input. */
    record Seen(String input, boolean okEnabled, String messages) {
    }

    @Test
    void okStaysDisabledWithAReasonUntilTheInputIsValidThenTheDownloadIsAdded() throws Exception {
        TestFile file = server.addFile("/files/added.bin", 300_000, 80);
        String good = server.uri(file.path()).toString();
        List<Seen> seen = new ArrayList<>();
        List<Throwable> problems = new ArrayList<>();
        copy("some words, not a link");

        whenAddOpens(problems, (shell, ok) -> {
            List<Text> fields = Ui.find(shell, Text.class, text -> (text.getStyle() & SWT.BORDER) != 0);
            Text url = fields.get(0);
            Text title = fields.get(1);
            Text sha256 = fields.get(2);
            seen.add(new Seen("(empty)", ok.isEnabled(), messages(shell)));
            for (String input : List.of("ftp://127.0.0.1/file.bin", good.replace(".bin", " 2.bin"), "http:///no-host",
                    good + "\tx", "file:///etc/passwd", good)) {
                url.setText(input);
                seen.add(new Seen(input, ok.isEnabled(), messages(shell)));
                if (input.contains(" ")) {
                    Ui.screenshot(shell, "add-download-refused");
                }
            }
            sha256.setText("abc123");
            seen.add(new Seen("sha256 abc123", ok.isEnabled(), messages(shell)));
            sha256.setText(file.sha256().toUpperCase());
            title.setText("My added file");
            seen.add(new Seen("valid", ok.isEnabled(), messages(shell)));
        });
        view.toolbar("Add Download...");

        assertEquals(List.of(), problems);
        assertEquals(9, seen.size(), seen.toString());
        for (Seen invalid : seen.subList(0, 6)) {
            assertFalse(invalid.okEnabled(), invalid.toString());
        }
        assertTrue(seen.get(1).messages().contains("Only http and https URLs can be transferred, not ftp."), seen.get(1).toString());
        assertTrue(seen.get(2).messages().contains("The URL contains a space at position " + (good.length() - 3)
                + "; write it as %20 if it belongs to the address."), seen.get(2).toString());
        assertTrue(seen.get(3).messages().contains("The URL has no host."), seen.get(3).toString());
        assertTrue(seen.get(4).messages().contains("The URL contains a control character (a line break, tab or similar) at position "
                + (good.length() + 1) + "."), seen.get(4).toString());
        assertTrue(seen.get(5).messages().contains("Only http and https URLs can be transferred, not file."), seen.get(5).toString());
        assertTrue(seen.get(6).okEnabled(), seen.get(6).toString());
        assertFalse(seen.get(7).okEnabled(), seen.get(7).toString());
        assertTrue(seen.get(7).messages().contains("A SHA-256 has 64 hexadecimal digits."), seen.get(7).toString());
        assertTrue(seen.get(8).okEnabled(), seen.get(8).toString());
        assertEquals(List.of(), server.requests().stream().filter(request -> !request.path().equals(file.path())).toList(),
                "nothing was asked for a refused URL");

        view.waitForRows(1);
        assertEquals("My added file", view.cell(0, ViewDriver.TITLE));
        view.waitForCell(0, ViewDriver.CONTROLS, "Ready");
        assertEquals(file.sha256(), sha256(folder.resolve("added.bin")));
        assertEquals(file.sha256(), fixture.service().transfers().getFirst().sha256().orElseThrow());
    }

    @Test
    void aUrlOnTheClipboardIsFilledInSelected() throws Exception {
        TestFile file = server.addFile("/files/copied.bin", 200_000, 81);
        String copied = server.uri(file.path()).toString();
        copy("  " + copied + "\n");
        List<String> seen = new ArrayList<>();

        Ui.whenShellOpens("Add Download", shell -> {
            Text url = Ui.find(shell, Text.class, text -> (text.getStyle() & SWT.BORDER) != 0).get(0);
            Button ok = Ui.button(shell, "Download");
            seen.add(url.getText());
            seen.add(url.getSelectionText());
            seen.add(String.valueOf(ok.isEnabled()));
            Ui.select(ok.isEnabled() ? ok : Ui.button(shell, "Cancel"));
        });
        view.toolbar("Add Download...");

        assertEquals(List.of(copied, copied, "true"), seen);
        view.waitForRows(1);
        view.waitForCell(0, ViewDriver.CONTROLS, "Ready");
        assertEquals(file.sha256(), sha256(folder.resolve("copied.bin")));
    }

    @Test
    void mirrorsGivenInTheDialogTakeOverWhenTheUrlFailsAndShowInTheTooltip() throws Exception {
        server.addStatus("/down/mirrored.bin", 503);
        TestFile file = server.addFile("/mirror/mirrored.bin", 300_000, 82);
        String failing = server.uri("/down/mirrored.bin").toString();
        String mirror = server.uri(file.path()).toString();
        List<Throwable> problems = new ArrayList<>();

        whenAddOpens(problems, (shell, ok) -> {
            List<Text> fields = Ui.find(shell, Text.class, text -> (text.getStyle() & SWT.BORDER) != 0);
            fields.get(0).setText(failing);
            Text mirrors = fields.get(3);
            mirrors.setText(mirror + "\nnot a link");
            assertFalse(ok.isEnabled(), "a bad mirror keeps OK disabled");
            assertTrue(messages(shell).contains("Mirror on line 2: "), messages(shell));
            mirrors.setText(mirror + "\n");
            assertTrue(ok.isEnabled(), messages(shell));
            Ui.screenshot(shell, "add-download-mirrors");
        });
        view.toolbar("Add Download...");

        assertEquals(List.of(), problems);
        view.waitForRows(1);
        view.waitForCell(0, ViewDriver.CONTROLS, "Ready");
        assertEquals(file.sha256(), sha256(folder.resolve("mirrored.bin")));
        dev.bgtransfer.core.Transfer done = fixture.service().transfers().getFirst();
        assertEquals(mirror, done.url().toString(), "the mirror took over");
        assertEquals(mirror + "\nMirrors:\n" + failing, view.tooltip(0, ViewDriver.TITLE));
    }

    /** What a test does in the Add Download dialog; what it throws is kept. */
    private interface DialogInput {
        void fill(Shell shell, Button ok) throws java.io.IOException;
    }

    /**
     * When Add Download opens, fills it in, then presses Download if it is enabled and nothing went
     * wrong, else Cancel; what went wrong is added to {@code problems}.
     */
    private static void whenAddOpens(List<Throwable> problems, DialogInput input) {
        Ui.whenShellOpens("Add Download", shell -> {
            Button ok = Ui.button(shell, "Download");
            try {
                input.fill(shell, ok);
            } catch (RuntimeException | AssertionError | java.io.IOException failed) {
                problems.add(failed);
            } finally {
                Ui.select(ok.isEnabled() && problems.isEmpty() ? ok : Ui.button(shell, "Cancel"));
            }
        });
    }

    private static void copy(String text) {
        Clipboard clipboard = new Clipboard(Ui.display());
        try {
            clipboard.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
    }

    private static String messages(Shell shell) {
        return Ui.find(shell, Text.class, text -> (text.getStyle() & SWT.READ_ONLY) != 0).stream().map(Text::getText)
                .collect(Collectors.joining(" | "))
                + " | " + Ui.find(shell, Label.class, label -> true).stream().map(Label::getText)
                        .collect(Collectors.joining(" | "));
    }
}
