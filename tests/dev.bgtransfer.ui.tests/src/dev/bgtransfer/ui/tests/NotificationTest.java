package dev.bgtransfer.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.ui.internal.UiPreferences;
import dev.bgtransfer.ui.internal.WorkbenchSession;
import dev.bgtransfer.ui.internal.view.ViewDriver;

/** The notification when all transfers have finished comes with the Downloads view closed. */
class NotificationTest extends WorkbenchTest {

    @AfterEach
    void closePopups() {
        Popups.closeAll();
    }

    @Test
    void allFinishedShowsAPopupSummarizingCompletedAndFailedEvenWithTheViewClosed() throws Exception {
        InstanceScope.INSTANCE.getNode(UiPreferences.NODE).putBoolean(UiPreferences.NOTIFY_WHEN_FINISHED, true);
        ViewDriver.close();

        download(server.addFile("/files/fine.bin", 50_000, 90).throttle(RATE));
        server.addStatus("/files/gone.bin", 410);
        fixture.service().download(TransferRequest.of(server.uri("/files/gone.bin"), folder));

        fixture.awaitEvent(TransferEvent.AllFinished.class, event -> true);
        Shell popup = Popups.await();
        String text = Popups.text(popup).orElseThrow();
        assertTrue(text.contains("Downloads finished"), text);
        assertTrue(text.contains("1 download completed, 1 failed."), text);
        assertTrue(text.contains("Completed: fine.bin"), "it says what finished: " + text);
        assertTrue(text.contains("Failed: gone.bin"), text);
        Ui.screenshot(popup, "all-finished-notification");
    }

    @Test
    void theWorkbenchsBackgroundSessionIsAnnouncedToo() {
        IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(UiPreferences.NODE);
        preferences.putBoolean(UiPreferences.NOTIFY_WHEN_FINISHED, true);
        preferences.putBoolean(UiPreferences.CONTINUE_AFTER_EXIT, true);
        ViewDriver.close();
        try {
            TestFile file = server.addFile("/files/background.bin", 50_000, 94);
            WorkbenchSession.download(fixture.service(), TransferRequest.of(server.uri(file.path()), folder));

            fixture.awaitEvent(TransferEvent.AllFinished.class,
                    event -> event.session().equals(WorkbenchSession.IDENTIFIER));
            String text = Popups.text(Popups.await()).orElseThrow();
            assertTrue(text.contains("Completed: background.bin"), text);
        } finally {
            preferences.remove(UiPreferences.CONTINUE_AFTER_EXIT);
            fixture.service().session(WorkbenchSession.IDENTIFIER, SessionConfiguration.of(SessionKind.BACKGROUND))
                    .invalidate();
        }
    }

    @Test
    void pausingTheLastRunningTransferAfterAnotherCompletedSaysNothing() {
        InstanceScope.INSTANCE.getNode(UiPreferences.NODE).putBoolean(UiPreferences.NOTIFY_WHEN_FINISHED, true);
        ViewDriver.close();
        Transfer slow = download(server.addFile("/files/long.bin", 5_000_000, 92).throttle(RATE));
        Transfer quick = download(server.addFile("/files/short.bin", 20_000, 93));
        fixture.awaitState(quick.id(), TransferState.COMPLETED);
        fixture.awaitBytes(slow.id(), 1);

        fixture.service().pause(slow.id());
        fixture.awaitState(slow.id(), TransferState.PAUSED);
        Ui.spin(1500);

        assertEquals(List.of(), Popups.shown(), "a pause is not the end of the downloads");
    }

    @Test
    void thePreferenceTurnsTheNotificationOff() {
        ViewDriver.close();
        download(server.addFile("/files/quiet.bin", 50_000, 91));
        fixture.awaitEvent(TransferEvent.AllFinished.class, event -> true);
        Ui.spin(1500);
        assertEquals(List.of(), Popups.shown());
    }
}
