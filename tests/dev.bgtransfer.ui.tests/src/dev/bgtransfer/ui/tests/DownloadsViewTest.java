package dev.bgtransfer.ui.tests;

import static dev.bgtransfer.junit.TransferFixture.list;
import static dev.bgtransfer.junit.TransferFixture.partFiles;
import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;
import dev.bgtransfer.ui.internal.view.ViewDriver;

/** The Downloads view driven through its own widgets against the real service. */
class DownloadsViewTest extends WorkbenchTest {

    @Test
    void aStartedRowShowsProgressSpeedAndThenReady() throws Exception {
        // four seconds: the row's texts follow progress once a second, and the test sees them advance twice
        TestFile file = server.addFile("/files/one.bin", SIZE, 1).throttle(RATE / 2);
        Transfer added = add(file);
        view.waitForRows(1);
        assertEquals("one.bin", view.cell(0, ViewDriver.TITLE));
        assertEquals("Start", view.cell(0, ViewDriver.CONTROLS));
        assertEquals("Stopped", view.cell(0, ViewDriver.STATUS));

        view.clickToggle(0);
        Ui.waitUntil("progress shows", () -> view.percent(0) > 0, () -> view.describe(0));
        int first = view.percent(0);
        Ui.waitUntil("progress advances", () -> view.percent(0) > first && view.percent(0) < 100, () -> view.describe(0));
        assertEquals("Pause, Stop", view.cell(0, ViewDriver.CONTROLS));
        Ui.waitUntil("speed and time left show", () -> view.cell(0, ViewDriver.STATUS).matches(".+/s \u2014 .+ left"),
                () -> view.describe(0));
        assertTrue(view.cell(0, ViewDriver.SIZE).matches(".+ / 2\\.0 MB"), view.describe(0));

        view.waitForCell(0, ViewDriver.CONTROLS, "Ready");
        assertEquals("100%", view.cell(0, ViewDriver.PROGRESS));
        assertEquals("2.0 MB", view.cell(0, ViewDriver.SIZE));
        assertEquals("Saved as one.bin", view.cell(0, ViewDriver.STATUS));
        Transfer done = fixture.service().get(added.id()).orElseThrow();
        assertEquals(TransferState.COMPLETED, done.state());
        assertEquals(file.sha256(), sha256(folder.resolve("one.bin")));
        assertEquals(file.sha256(), done.sha256().orElseThrow());
        assertEquals(SIZE, Files.size(folder.resolve("one.bin")));
    }

    @Test
    void pauseAndResumeFromTheRowCompleteWithTheRightBytes() throws Exception {
        TestFile file = throttled("paused.bin", 2);
        Transfer added = add(file);
        view.waitForRows(1);
        view.clickToggle(0);
        Ui.waitUntil("some bytes", () -> view.percent(0) >= 15, () -> view.describe(0));

        view.clickToggle(0);
        view.waitForCell(0, ViewDriver.STATUS, "Paused");
        assertEquals("Start, Stop", view.cell(0, ViewDriver.CONTROLS));
        Transfer paused = fixture.service().get(added.id()).orElseThrow();
        assertEquals(TransferState.PAUSED, paused.state());
        List<Path> parts = partFiles(folder);
        assertEquals(1, parts.size());
        assertEquals(paused.bytesReceived(), Files.size(parts.getFirst()));
        assertTrue(view.cell(0, ViewDriver.PROGRESS).endsWith("%"), view.describe(0));

        view.clickToggle(0);
        view.waitForCell(0, ViewDriver.CONTROLS, "Ready");
        assertEquals(file.sha256(), sha256(folder.resolve("paused.bin")));
        RecordedRequest resumed = server.requests("/files/paused.bin").getLast();
        assertEquals(paused.bytesReceived(), resumed.rangeStart().orElseThrow(), "resumed where it paused");
    }

    @Test
    void stopFromTheRowReturnsItToTheStartAndDeletesThePartialFile() throws Exception {
        add(throttled("stopped.bin", 3));
        view.waitForRows(1);
        view.clickToggle(0);
        Ui.waitUntil("some bytes", () -> view.percent(0) >= 10, () -> view.describe(0));
        assertEquals(1, partFiles(folder).size());

        view.clickStop(0);
        view.waitForCell(0, ViewDriver.STATUS, "Stopped");
        assertEquals("Start", view.cell(0, ViewDriver.CONTROLS));
        assertEquals("", view.cell(0, ViewDriver.PROGRESS));
        assertEquals("", view.cell(0, ViewDriver.SIZE));
        assertEquals(List.of(), list(folder));
    }

    @Test
    void startAllFinishesFiveFilesWithinThePerHostLimitInBatchedRefreshes() throws Exception {
        List<TestFile> files = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            files.add(throttled("all-" + i + ".bin", 10 + i));
            add(files.getLast());
        }
        view.waitForRows(5);
        int refreshesBefore = view.refreshes();
        long started = System.nanoTime();

        view.toolbar("Start All");
        for (int row = 0; row < 5; row++) {
            view.waitForCell(row, ViewDriver.CONTROLS, "Ready");
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        for (int i = 0; i < 5; i++) {
            assertEquals(files.get(i).sha256(), sha256(folder.resolve("all-" + (i + 1) + ".bin")));
        }
        assertTrue(server.peakConcurrentRequests() <= 5, "peak " + server.peakConcurrentRequests());
        int events = fixture.events().size();
        int refreshes = view.refreshes() - refreshesBefore;
        assertTrue(events > 50, "events: " + events);
        assertTrue(refreshes <= elapsedMillis / 100 + 3,
                refreshes + " refreshes in " + elapsedMillis + " ms for " + events + " events");
    }

    @Test
    void stopAllStopsEveryRow() throws Exception {
        for (int i = 1; i <= 3; i++) {
            download(throttled("stop-" + i + ".bin", 20 + i));
        }
        view.waitForRows(3);
        Ui.waitUntil("all running", () -> view.column(ViewDriver.CONTROLS).stream().allMatch("Pause, Stop"::equals),
                () -> view.column(ViewDriver.STATUS).toString());

        view.toolbar("Stop All");
        Ui.waitUntil("all stopped", () -> view.column(ViewDriver.STATUS).stream().allMatch("Stopped"::equals),
                () -> view.column(ViewDriver.STATUS).toString());
        assertTrue(fixture.service().transfers().stream().allMatch(t -> t.state() == TransferState.CANCELLED));
        assertEquals(List.of(), list(folder));
    }

    @Test
    void resetAsksFirstThenDeletesTheFilesAndEmptiesTheList() throws Exception {
        for (int i = 1; i <= 2; i++) {
            download(server.addFile("/files/reset-" + i + ".bin", 100_000, 30 + i));
        }
        view.waitForRows(2);
        view.waitForCell(0, ViewDriver.CONTROLS, "Ready");
        view.waitForCell(1, ViewDriver.CONTROLS, "Ready");
        assertEquals(List.of("reset-1.bin", "reset-2.bin"), list(folder));

        Ui.whenShellOpens("Reset Downloads", shell -> Ui.select(Ui.button(shell, "Cancel")));
        view.toolbar("Reset...");
        Ui.spin(300);
        assertEquals(2, view.rowCount(), "cancelled: nothing happens");
        assertEquals(List.of("reset-1.bin", "reset-2.bin"), list(folder));

        Ui.whenShellOpens("Reset Downloads", shell -> Ui.select(Ui.button(shell, "Reset")));
        view.toolbar("Reset...");
        view.waitForRows(0);
        assertEquals(List.of(), list(folder));
        assertEquals(List.of(), fixture.service().transfers());
    }

    @Test
    void cancellingTheJobInTheProgressViewShowsTheRowPausedWithItsBytes() throws Exception {
        add(throttled("cancelled.bin", 40));
        view.waitForRows(1);
        view.clickToggle(0);
        Ui.waitUntil("running", () -> view.percent(0) >= 5, () -> view.describe(0));

        Job[] jobs = Job.getJobManager().find(TransferService.JOB_FAMILY);
        assertEquals(1, jobs.length);
        assertNotNull(PlatformUI.getWorkbench().getProgressService().getIconFor(jobs[0]),
                "the Progress view has an icon for the transfers' Jobs");
        jobs[0].cancel();

        view.waitForCell(0, ViewDriver.STATUS, "Paused");
        assertEquals("Start, Stop", view.cell(0, ViewDriver.CONTROLS));
        assertEquals(1, partFiles(folder).size(), "a cancel in the Progress view keeps the bytes: " + list(folder));
        assertTrue(view.percent(0) >= 5, view.describe(0));
    }

    @Test
    void closingTheViewLeavesTransfersRunningAndReopeningShowsThem() throws Exception {
        download(server.addFile("/files/small.bin", 50_000, 50));
        TestFile slowFile = server.addFile("/files/slow.bin", 3 * SIZE, 51).throttle(RATE);
        Transfer slow = download(slowFile);
        view.waitForRows(2);
        view.waitForCell(0, ViewDriver.CONTROLS, "Ready");
        Ui.waitUntil("slow one running", () -> view.percent(1) > 0, () -> view.describe(1));

        ViewDriver.close();
        long bytesAtClose = fixture.service().get(slow.id()).orElseThrow().bytesReceived();
        Ui.spin(800);
        Transfer whileClosed = fixture.service().get(slow.id()).orElseThrow();
        assertEquals(TransferState.RUNNING, whileClosed.state());
        assertTrue(whileClosed.bytesReceived() > bytesAtClose, "kept downloading while the view was closed");

        view = ViewDriver.open();
        view.waitForRows(2);
        assertEquals(List.of("small.bin", "slow.bin"), view.column(ViewDriver.TITLE));
        assertEquals("Ready", view.cell(0, ViewDriver.CONTROLS));
        Ui.waitUntil("running again on screen", () -> view.percent(1) > 0 && "Pause, Stop".equals(view.cell(1, ViewDriver.CONTROLS)),
                () -> view.describe(1));
        view.waitForCell(1, ViewDriver.CONTROLS, "Ready");
        assertEquals(slowFile.sha256(), sha256(folder.resolve("slow.bin")));
    }

    @Test
    void aFailedRowShowsWhyAndRetries() throws Exception {
        server.addStatus("/files/later.bin", 404);
        fixture.service().download(TransferRequest.of(server.uri("/files/later.bin"), folder));
        view.waitForRows(1);
        view.waitForCell(0, ViewDriver.CONTROLS, "Retry, Stop");
        String reason = view.cell(0, ViewDriver.STATUS);
        assertTrue(reason.contains("404") || reason.toLowerCase().contains("not found"), reason);

        TestFile file = server.addFile("/files/later.bin", 100_000, 60);
        view.clickToggle(0);
        view.waitForCell(0, ViewDriver.CONTROLS, "Ready");
        assertEquals(file.sha256(), sha256(folder.resolve("later.bin")));
    }

    @Test
    void aRowWaitingToRetryShowsWhenAndWhy() {
        fixture.service().setOptions(TransferFixture.OPTIONS.withRetries(3, Duration.ofSeconds(5)));
        server.addStatus("/files/busy.bin", 503);
        fixture.service().download(TransferRequest.of(server.uri("/files/busy.bin"), folder));
        view.waitForRows(1);

        String status = view.waitForCellStartingWith(0, ViewDriver.STATUS, "Waiting to retry in ");
        assertTrue(status.contains("503"), status);
    }

    @Test
    void theDeleteKeyRemovesTheSelectedRow() throws Exception {
        download(server.addFile("/files/keep.bin", 10_000, 70));
        download(server.addFile("/files/drop.bin", 10_000, 71));
        view.waitForRows(2);
        view.waitForCell(1, ViewDriver.CONTROLS, "Ready");

        view.select(view.row("drop.bin"));
        Ui.press(view.table(), SWT.DEL, (char) 127);
        view.waitForRows(1);
        assertEquals(List.of("keep.bin"), view.column(ViewDriver.TITLE));
        assertEquals(1, fixture.service().transfers().size());
        assertTrue(Files.exists(folder.resolve("drop.bin")), "Remove keeps a completed file");
        assertEquals(1, fixture.events(TransferEvent.Removed.class).size());
    }

    @Test
    void eachRowSaysWhoseTransferItIs() throws Exception {
        TransferSession plugIn = fixture.service().session("dev.bgtransfer.samples",
                SessionConfiguration.of(SessionKind.DEFAULT));
        TransferSession unnamed = fixture.service().session("org.example.absent",
                SessionConfiguration.of(SessionKind.EPHEMERAL));
        try {
            fixture.service().add(TransferRequest.of(server.uri("/files/mine.bin"), folder));
            plugIn.add(TransferRequest.of(server.uri("/files/samples.bin"), folder));
            unnamed.add(TransferRequest.of(server.uri("/files/other.bin"), folder));
            view.waitForRows(3);

            assertEquals(List.of("mine.bin", "samples.bin", "other.bin"), view.column(ViewDriver.TITLE));
            assertEquals(List.of("Workbench", "bgtransfer Sample Server", "org.example.absent"),
                    view.column(ViewDriver.SESSION), "the default session, a plug-in by its name, an identifier");
        } finally {
            plugIn.invalidate();
            unnamed.invalidate();
        }
    }
}
