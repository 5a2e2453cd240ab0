package dev.bgtransfer.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestFile;

/** Show Timeline... from a row's menu: the transfer's timeline in a dialog, copied as text. */
class TimelineDialogTest extends WorkbenchTest {

    @Test
    void theRowMenuShowsTheTimelineAndCopyPutsItsTextOnTheClipboard() throws Exception {
        TestFile file = server.addFile("/files/shown.bin", 300_000, 81);
        server.addRedirect("/go/shown.bin", 302, file.path());
        server.failNext(file.path(), 503, 1, "0");
        Transfer done = fixture.awaitState(fixture.service().download(
                TransferRequest.of(server.uri("/go/shown.bin"), folder)).id(), TransferState.COMPLETED);
        List<TimelineEntry> timeline = fixture.service().timeline(done.id());
        view.waitForRows(1);
        view.select(0);
        List<List<String>> rows = new ArrayList<>();
        String[] copied = new String[1];
        List<Throwable> problems = new ArrayList<>();

        Ui.whenShellOpens("Timeline of shown.bin", shell -> {
            try {
                Table table = Ui.find(shell, Table.class, any -> true).getFirst();
                Ui.waitUntil("the timeline's rows", () -> table.getItemCount() > 0);
                for (TableItem item : table.getItems()) {
                    rows.add(List.of(item.getText(0), item.getText(1), item.getText(2), item.getText(3)));
                }
                Ui.select(Ui.button(shell, "Copy"));
                Clipboard clipboard = new Clipboard(shell.getDisplay());
                try {
                    copied[0] = (String) clipboard.getContents(TextTransfer.getInstance());
                } finally {
                    clipboard.dispose();
                }
                Path shot = Ui.screenshot(shell, "timeline-dialog");
                assertTrue(shot.toFile().length() > 0);
            } catch (RuntimeException | AssertionError | java.io.IOException failed) {
                problems.add(failed);
            } finally {
                Ui.select(Ui.button(shell, "Close"));
            }
        });
        MenuItem show = rowMenuItem("Show Timeline...");
        assertTrue(show.isEnabled(), "enabled on a selected row");
        show.notifyListeners(SWT.Selection, new Event());
        Ui.waitUntil("the dialog answered", () -> copied[0] != null || !problems.isEmpty());

        assertEquals(List.of(), problems);
        assertEquals(timeline.stream().map(entry -> List.of(Long.toString(entry.sequence()), entry.kind().label()))
                .toList(), rows.stream().map(row -> row.subList(1, 3)).toList());
        assertTrue(rows.stream().anyMatch(row -> row.get(2).equals("redirect") && row.get(3).contains("from="
                + server.uri("/go/shown.bin")) && row.get(3).contains("to=" + server.uri(file.path()))), rows.toString());
        assertTrue(rows.stream().anyMatch(row -> row.get(2).equals("retry") && row.get(3).contains("503")),
                rows.toString());
        String expected = timeline.stream().map(entry -> entry.text() + System.lineSeparator())
                .collect(Collectors.joining());
        assertEquals(expected, copied[0]);
    }

    /** @return the item labelled {@code label} of the Downloads table's context menu, as it is about to show */
    private MenuItem rowMenuItem(String label) {
        Menu menu = view.table().getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        Ui.spin(20);
        List<MenuItem> items = Arrays.asList(menu.getItems());
        return items.stream().filter(item -> item.getText().replace("&", "").startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + label + " in " + items.stream()
                        .map(MenuItem::getText).toList()));
    }
}
