package dev.bgtransfer.ui.internal.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.ui.internal.UiPreferences;
import dev.bgtransfer.ui.internal.WorkbenchSession;
import dev.bgtransfer.ui.internal.view.ViewDriver;
import dev.bgtransfer.ui.tests.Popups;
import dev.bgtransfer.ui.tests.Ui;
import dev.bgtransfer.ui.tests.WorkbenchTest;

/**
 * The notification for what finished in the workbench's own session while no workbench listened. The
 * workbench going away and starting again is played by the notifier's component: disabled, it hears
 * nothing (as no workbench would), and enabled again a new instance starts, as at a workbench start,
 * with the record the last one kept in the instance preferences. The transfers run in the real service.
 */
class FinishedWhileAwayTest extends WorkbenchTest {
    private static final String AWAY = "While the application was closed:";

    private final IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(UiPreferences.NODE);

    @BeforeEach
    void notifyWhenFinished() {
        preferences.putBoolean(UiPreferences.NOTIFY_WHEN_FINISHED, true);
        ViewDriver.close();
    }

    @AfterEach
    void startTheNotifierAndForgetTheSession() {
        notifier(true);
        Popups.closeAll();
        workbenchSession().invalidate();
    }

    @Test
    void whatEndedWhileNoWorkbenchListenedIsToldAtTheNextStartOnce() throws Exception {
        Transfer running = workbenchSession().download(request(server.addFile("/files/away.bin", SIZE, 70).throttle(RATE)));
        server.addStatus("/files/gone.bin", 410);
        Transfer queued = workbenchSession().download(TransferRequest.of(server.uri("/files/gone.bin"), folder));
        fixture.awaitBytes(running.id(), 1);
        assertEquals(TransferState.QUEUED, fixture.service().get(queued.id()).orElseThrow().state(),
                "one connection per host: it waits for the first");
        awaitRecorded(Set.of(running.id(), queued.id()));

        notifier(false);
        fixture.awaitState(running.id(), TransferState.COMPLETED);
        fixture.awaitState(queued.id(), TransferState.FAILED);
        Ui.spin(1000);
        assertEquals(List.of(), Popups.shown(), "no workbench listened");

        notifier(true);
        Shell popup = Popups.await();
        String text = Popups.text(popup).orElseThrow();
        assertTrue(text.contains("Downloads finished"), text);
        assertTrue(text.contains(AWAY + "\n1 download completed, 1 failed."), text);
        assertTrue(text.contains("Completed: away.bin"), text);
        assertTrue(text.contains("Failed: gone.bin"), text);
        Ui.screenshot(popup, "finished-while-away-notification");
        awaitRecorded(Set.of());

        Popups.closeAll();
        notifier(false);
        notifier(true);
        Ui.spin(1500);
        assertEquals(List.of(), Popups.shown(), "told once");
    }

    @Test
    void transfersThatEndedWhileTheWorkbenchWatchedAreNotToldAgain() {
        Transfer watched = workbenchSession().download(request(server.addFile("/files/watched.bin", 500_000, 71).throttle(RATE)));
        awaitRecorded(Set.of(watched.id()));
        fixture.awaitEvent(TransferEvent.AllFinished.class, event -> event.session().equals(WorkbenchSession.IDENTIFIER));
        assertFalse(Popups.text(Popups.await()).orElseThrow().contains(AWAY), "the service's own notification");
        Popups.closeAll();
        awaitRecorded(Set.of());

        notifier(false);
        notifier(true);
        Ui.spin(1500);
        assertEquals(List.of(), Popups.shown());
    }

    @Test
    void nothingIsToldWhileOneOfThemIsStillUnderWayAndTheServiceTellsTheBatchWhenItEnds() {
        Transfer quick = workbenchSession().download(request(server.addFile("/files/quick.bin", 500_000, 72).throttle(RATE)));
        Transfer slow = workbenchSession().download(request(server.addFile("/files/slow.bin", 3 * SIZE, 73).throttle(RATE)));
        fixture.awaitBytes(quick.id(), 1);
        awaitRecorded(Set.of(quick.id(), slow.id()));

        notifier(false);
        fixture.awaitState(quick.id(), TransferState.COMPLETED);
        notifier(true);
        Ui.spin(1500);
        assertEquals(TransferState.RUNNING, fixture.service().get(slow.id()).orElseThrow().state());
        assertEquals(List.of(), Popups.shown(), "not all of them have ended");

        fixture.awaitState(slow.id(), TransferState.COMPLETED);
        String text = Popups.text(Popups.await()).orElseThrow();
        assertFalse(text.contains(AWAY), text);
        assertTrue(text.contains("Completed: quick.bin, slow.bin"), text);
        Ui.spin(1000);
        assertEquals(1, Popups.shown().size(), "once: " + Popups.shown());
    }

    @Test
    void thePreferenceTurnsItOffAndWhatItSilencedIsNotToldLater() {
        Transfer silenced = workbenchSession().download(request(server.addFile("/files/silenced.bin", 500_000, 74).throttle(RATE)));
        awaitRecorded(Set.of(silenced.id()));

        notifier(false);
        fixture.awaitState(silenced.id(), TransferState.COMPLETED);
        preferences.putBoolean(UiPreferences.NOTIFY_WHEN_FINISHED, false);
        notifier(true);
        awaitRecorded(Set.of());
        Ui.spin(1000);
        assertEquals(List.of(), Popups.shown());

        preferences.putBoolean(UiPreferences.NOTIFY_WHEN_FINISHED, true);
        notifier(false);
        notifier(true);
        Ui.spin(1500);
        assertEquals(List.of(), Popups.shown());
    }

    private TransferRequest request(TestFile file) {
        return TransferRequest.of(server.uri(file.path()), folder);
    }

    /** @return the workbench's session, one connection per host so that a second transfer waits */
    private TransferSession workbenchSession() {
        return fixture.service().session(WorkbenchSession.IDENTIFIER, SessionConfiguration.of(SessionKind.BACKGROUND)
                .withOptions(fixture.service().options().withMaxConnectionsPerHost(1)));
    }

    private void awaitRecorded(Set<Long> ids) {
        Ui.waitUntil("the record " + ids, () -> recorded().equals(ids), () -> String.valueOf(recorded()));
    }

    private Set<Long> recorded() {
        return Arrays.stream(preferences.get(UnderWayRecord.KEY, "").split(" ")).filter(id -> !id.isEmpty())
                .map(Long::valueOf).collect(Collectors.toSet());
    }

    /** Starts or stops the notifier as a workbench's start or exit does: a new instance, or none. */
    private static void notifier(boolean running) {
        BundleContext context = FrameworkUtil.getBundle(AllFinishedNotifier.class).getBundleContext();
        var reference = context.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime components = context.getService(reference);
        try {
            ComponentDescriptionDTO notifier = components.getComponentDescriptionDTO(context.getBundle(),
                    AllFinishedNotifier.class.getName());
            var done = running ? components.enableComponent(notifier) : components.disableComponent(notifier);
            Ui.waitUntil("the notifier " + (running ? "enabled" : "disabled"), done::isDone);
            if (running) {
                Ui.waitUntil("the notifier active", () -> components.getComponentConfigurationDTOs(notifier).stream()
                        .anyMatch(configuration -> configuration.state == ComponentConfigurationDTO.ACTIVE));
            }
        } finally {
            context.ungetService(reference);
        }
    }
}
