package dev.bgtransfer.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.ui.internal.UiPreferences;
import dev.bgtransfer.ui.internal.WorkbenchSession;
import dev.bgtransfer.ui.internal.view.ViewDriver;

/**
 * "Continue transfers after the application exits" decides which session the view's Add, Start All,
 * Stop All and Reset act on. The test runtime has no per-user service (no
 * {@code dev.bgtransfer.daemon.socket}), so the workbench's BACKGROUND session runs in this process:
 * what is tested here is which session the view uses, not where that session runs.
 */
class WorkbenchSessionTest extends WorkbenchTest {
    private static final String PLUG_IN = "org.example.updater";

    @AfterEach
    void forgetTheSessions() {
        InstanceScope.INSTANCE.getNode(UiPreferences.NODE).remove(UiPreferences.CONTINUE_AFTER_EXIT);
        workbenchSession().invalidate();
        plugInSession().invalidate();
    }

    @Test
    void offTheViewAddsToTheDefaultSession() {
        TestFile file = server.addFile("/files/default.bin", 50_000, 60);

        addThroughTheDialog(file);

        view.waitForRows(1);
        assertEquals(TransferSession.DEFAULT_IDENTIFIER, fixture.service().transfers().getFirst().session());
        assertEquals("Workbench", view.cell(0, ViewDriver.SESSION));
        assertEquals(List.of(), workbenchSession().transfers());
    }

    @Test
    void onTheViewAddsToTheWorkbenchsBackgroundSessionAndBothSessionsSayWorkbench() {
        add(server.addFile("/files/before.bin", 50_000, 61));
        view.waitForRows(1);
        continueAfterExit();

        addThroughTheDialog(server.addFile("/files/after.bin", 50_000, 62));

        view.waitForRows(2);
        Transfer added = fixture.service().transfers().getLast();
        assertEquals(WorkbenchSession.IDENTIFIER, added.session());
        TransferSession session = workbenchSession();
        assertEquals(SessionKind.BACKGROUND, session.configuration().kind());
        assertTrue(session.configuration().announcesAllFinished());
        assertEquals(List.of(added.id()), session.transfers().stream().map(Transfer::id).toList());
        assertEquals(List.of("before.bin", "after.bin"), view.column(ViewDriver.TITLE));
        assertEquals(List.of("Workbench", "Workbench"), view.column(ViewDriver.SESSION),
                "the default session and the workbench's own");
        assertEquals(List.of(TransferSession.DEFAULT_IDENTIFIER, WorkbenchSession.IDENTIFIER),
                List.of(view.tooltip(0, ViewDriver.SESSION), view.tooltip(1, ViewDriver.SESSION)));
    }

    @Test
    void onStartAllStopAllAndResetLeaveTheDefaultAndAPlugInsSessionAlone() {
        Transfer mine = add(throttled("default.bin", 63));
        Transfer plugIns = plugInSession().add(TransferRequest.of(server.uri(throttled("plug-in.bin", 64).path()), folder));
        continueAfterExit();
        TestFile longer = server.addFile("/files/workbench.bin", 4 * SIZE, 65).throttle(RATE); // runs past Stop All
        Transfer workbench = workbenchSession().add(TransferRequest.of(server.uri(longer.path()), folder));
        view.waitForRows(3);

        view.toolbar("Start All");
        fixture.awaitBytes(workbench.id(), 1);
        assertEquals(TransferState.CANCELLED, state(mine), "Start All left the default session alone");
        assertEquals(TransferState.CANCELLED, state(plugIns), "and the plug-in's");

        fixture.service().start(mine.id());
        fixture.service().start(plugIns.id());
        fixture.awaitBytes(mine.id(), 1);
        fixture.awaitBytes(plugIns.id(), 1);
        view.toolbar("Stop All");
        fixture.awaitState(workbench.id(), TransferState.CANCELLED);
        assertNotEquals(TransferState.CANCELLED, state(mine), "Stop All left the default session alone");
        assertNotEquals(TransferState.CANCELLED, state(plugIns), "and the plug-in's");

        Ui.whenShellOpens("Reset Downloads", shell -> Ui.select(Ui.button(shell, "Reset")));
        view.toolbar("Reset...");
        view.waitForRows(2);
        assertEquals(List.of(), workbenchSession().transfers());
        assertEquals(List.of(mine.id(), plugIns.id()),
                fixture.service().transfers().stream().map(Transfer::id).toList(), "Reset left the others");
    }

    private void addThroughTheDialog(TestFile file) {
        Ui.whenShellOpens("Add Download", shell -> {
            Ui.find(shell, Text.class, text -> (text.getStyle() & SWT.BORDER) != 0).getFirst()
                    .setText(server.uri(file.path()).toString());
            Ui.select(Ui.button(shell, "Download"));
        });
        view.toolbar("Add Download...");
    }

    private static void continueAfterExit() {
        InstanceScope.INSTANCE.getNode(UiPreferences.NODE).putBoolean(UiPreferences.CONTINUE_AFTER_EXIT, true);
    }

    private TransferState state(Transfer transfer) {
        return fixture.service().get(transfer.id()).orElseThrow().state();
    }

    /** @return the workbench's session under the configuration the view asks for it with */
    private TransferSession workbenchSession() {
        return fixture.service().session(WorkbenchSession.IDENTIFIER,
                SessionConfiguration.of(SessionKind.BACKGROUND).withOptions(fixture.service().options()));
    }

    private TransferSession plugInSession() {
        return fixture.service().session(PLUG_IN, SessionConfiguration.of(SessionKind.DEFAULT));
    }
}
