package dev.bgtransfer.ui.internal.dialogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.TimelineEntry.Kind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.ui.tests.Ui;
import dev.bgtransfer.ui.tests.WorkbenchTest;

/** Export... writes the timeline as JSON, an array of the objects {@code log --json} prints. */
class TimelineExportTest extends WorkbenchTest {

    @Test
    void exportWritesTheTimelineAsAJsonArrayToTheFileChosen() throws Exception {
        TestFile file = server.addFile("/files/exported.bin", 50_000, 82);
        Transfer done = fixture.awaitState(fixture.service().download(
                TransferRequest.of(server.uri(file.path()), folder)).id(), TransferState.COMPLETED);
        Path chosen = folder.resolve("timeline.json");
        TimelineDialog dialog = new TimelineDialog(Ui.display().getActiveShell(), done, shell -> Optional.of(chosen));
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Table table = Ui.find(dialog.getShell(), Table.class, any -> true).getFirst();
            Ui.waitUntil("the timeline's rows", () -> table.getItemCount() > 0);
            Ui.select(Ui.button(dialog.getShell(), "Export..."));
        } finally {
            dialog.close();
        }

        List<TimelineEntry> timeline = fixture.service().timeline(done.id());
        String written = Files.readString(chosen, StandardCharsets.UTF_8);
        assertEquals(timeline.stream().map(TimelineEntry::toJson).collect(Collectors.joining(",\n", "[\n", "\n]\n")),
                written);
        assertTrue(written.contains("\"kind\":\"request\",\"facts\":{\"method\":\"GET\",\"url\":\""
                + server.uri(file.path()) + "\""), written);
    }

    @Test
    void theTextSaysWhereEntriesWereLeftOut() {
        List<TimelineEntry> kept = List.of(entry(1), entry(2), entry(60));

        List<String> lines = TimelineText.lines(kept);

        assertEquals(List.of(kept.get(0).text(), kept.get(1).text(),
                "57 entries left out here: a timeline keeps the first 10 and the latest, 200 in all",
                kept.get(2).text()), lines);
        assertEquals("[]\n", TimelineText.json(List.of()));
        assertFalse(TimelineText.json(kept).contains("left out"), "JSON holds the entries only");
    }

    private static TimelineEntry entry(long sequence) {
        return new TimelineEntry(3, sequence, Instant.parse("2026-12-05T09:00:00Z"), Kind.STATE, Map.of("to", "queued"));
    }
}
