package dev.bgtransfer.ui.tests;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.ConfigurationScope;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.RateSchedule;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferPreferences;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.p2.P2TransportPreferences;
import dev.bgtransfer.ui.internal.UiPreferences;
import dev.bgtransfer.ui.internal.view.ViewDriver;

/** Window > Preferences > Background Transfers writes where the service and the view read. */
class PreferencePageTest extends WorkbenchTest {
    private static final String PAGE = "dev.bgtransfer.ui.preferences";

    @TempDir
    Path otherFolder;

    @AfterEach
    void restoreServicePreferences() {
        InstanceScope.INSTANCE.getNode(UiPreferences.NODE).remove(UiPreferences.CONTINUE_AFTER_EXIT);
        InstanceScope.INSTANCE.getNode(TransferPreferences.NODE).remove(TransferPreferences.MAX_CONNECTIONS_PER_HOST);
        InstanceScope.INSTANCE.getNode(TransferPreferences.NODE).remove(TransferPreferences.MINIMUM_SPEED);
        InstanceScope.INSTANCE.getNode(TransferPreferences.NODE).remove(TransferPreferences.CONTINUE_UNFINISHED);
        InstanceScope.INSTANCE.getNode(P2TransportPreferences.NODE).remove(P2TransportPreferences.ARTIFACTS_THROUGH_SERVICE);
    }

    @Test
    void restoreDefaultsShowsTheDefaultsOfTheCore() {
        IEclipsePreferences service = InstanceScope.INSTANCE.getNode(TransferPreferences.NODE);
        service.putInt(TransferPreferences.MAX_CONNECTIONS_PER_HOST, 7);
        service.putLong(TransferPreferences.MINIMUM_SPEED, 50_000);
        service.putBoolean(TransferPreferences.CONTINUE_UNFINISHED, false);
        PreferenceDialog dialog = Ui.openPreferencePage(PAGE);
        try {
            Text perHost = fieldAfter(dialog, "Connections per host");
            Text minimumSpeed = fieldAfter(dialog, "Minimum speed in KB/s (0 = off)");
            Button continueUnfinished = Ui.button(dialog.getShell(), "Continue unfinished downloads at startup");
            assertEquals("7", perHost.getText(), "the page shows what is set");
            assertEquals("50", minimumSpeed.getText());
            assertFalse(continueUnfinished.getSelection());

            Ui.select(Ui.button(dialog.getShell(), "Restore Defaults"));
            Ui.spin(50);

            assertEquals(Integer.toString(TransferOptions.DEFAULTS.maxConnectionsPerHost()), perHost.getText(),
                    "the options' default");
            assertEquals(Long.toString(TransferOptions.DEFAULTS.minimumSpeed() / 1000), minimumSpeed.getText(),
                    "the options' default, in KB/s");
            assertEquals(DefaultScope.INSTANCE.getNode(TransferPreferences.NODE)
                    .getBoolean(TransferPreferences.CONTINUE_UNFINISHED, false), continueUnfinished.getSelection(),
                    "the core's default");
            assertTrue(continueUnfinished.getSelection(), "unfinished transfers continue by default");
        } finally {
            dialog.close();
        }
    }

    @Test
    void theMinimumSpeedIsTypedInKilobytesPerSecondCheckedAndAppliedAtOnce() throws Exception {
        PreferenceDialog dialog = Ui.openPreferencePage(PAGE);
        try {
            setMinimumSpeedThroughThePage(dialog);
        } finally {
            dialog.close();
        }
        assertEquals(50_000, InstanceScope.INSTANCE.getNode(TransferPreferences.NODE)
                .getLong(TransferPreferences.MINIMUM_SPEED, -1), "bytes per second in the service's node");
        assertEquals(50_000, fixture.service().options().minimumSpeed(), "the service applied it at once");
    }

    private void setMinimumSpeedThroughThePage(PreferenceDialog dialog) throws Exception {
        Text minimumSpeed = fieldAfter(dialog, "Minimum speed in KB/s (0 = off)");
        assertEquals("0", minimumSpeed.getText(), "off by default");
        assertEquals(0, fixture.service().options().minimumSpeed());
        Button apply = Ui.button(dialog.getShell(), "Apply and Close");
        for (String bad : new String[] { "-1", "fast", "1000001" }) {
            minimumSpeed.setText(bad);
            minimumSpeed.notifyListeners(SWT.KeyUp, new Event());
            Ui.spin(50);
            assertFalse(apply.isEnabled(), bad + " is refused");
        }
        minimumSpeed.setText("50");
        minimumSpeed.notifyListeners(SWT.KeyUp, new Event());
        Ui.spin(50);
        Ui.screenshot(dialog.getShell(), "preferences");
        assertTrue(apply.isEnabled());
        Ui.select(apply);
        Ui.spin(50);
    }

    @Test
    void connectionsPerHostApplyAtOnceAndTheFolderIsWhereDownloadsGo() throws Exception {
        PreferenceDialog dialog = Ui.openPreferencePage(PAGE);
        Text perHost = fieldAfter(dialog, "Connections per host");
        Text downloadFolder = fieldAfter(dialog, "Download folder");
        assertEquals("5", perHost.getText());

        perHost.setText("17");
        perHost.notifyListeners(SWT.KeyUp, new Event()); // the field checks its value when a key is released
        Ui.spin(50);
        assertFalse(Ui.button(dialog.getShell(), "Apply and Close").isEnabled(), "17 is out of range");
        perHost.setText("2");
        perHost.notifyListeners(SWT.KeyUp, new Event());
        downloadFolder.setText(otherFolder.toString());
        Ui.spin(50);
        Ui.select(Ui.button(dialog.getShell(), "Apply and Close"));
        Ui.spin(50);

        assertEquals(2, InstanceScope.INSTANCE.getNode(TransferPreferences.NODE)
                .getInt(TransferPreferences.MAX_CONNECTIONS_PER_HOST, -1));
        assertEquals(2, fixture.service().options().maxConnectionsPerHost(), "the service applied it at once");
        assertEquals(otherFolder.toString(),
                InstanceScope.INSTANCE.getNode(UiPreferences.NODE).get(UiPreferences.DOWNLOAD_FOLDER, null));
        assertEquals(otherFolder, UiPreferences.downloadFolder());

        List<TestFile> files = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            files.add(server.addFile("/files/limited-" + i + ".bin", SIZE / 2, 100 + i).throttle(RATE));
            fixture.service().add(dev.bgtransfer.core.TransferRequest.of(server.uri(files.getLast().path()), otherFolder));
        }
        view.waitForRows(5);
        view.toolbar("Start All");
        for (int row = 0; row < 5; row++) {
            view.waitForCell(row, ViewDriver.CONTROLS, "Ready");
            assertEquals(files.get(row).sha256(), sha256(otherFolder.resolve("limited-" + (row + 1) + ".bin")));
        }
        assertEquals(2, server.peakConcurrentRequests(), "never more than two at once, and two were used");
    }

    @Test
    void continuingAfterExitIsOffByDefaultInAnIdeAndSaved() throws Exception {
        assertFalse(DefaultScope.INSTANCE.getNode(UiPreferences.NODE).getBoolean(UiPreferences.CONTINUE_AFTER_EXIT, true),
                "the bundle's default, which an IDE install keeps");
        PreferenceDialog dialog = Ui.openPreferencePage(PAGE);
        try {
            Button continueAfterExit = Ui.button(dialog.getShell(), "Continue transfers after the application exits");
            assertFalse(continueAfterExit.getSelection());
            continueAfterExit.setSelection(true);
            continueAfterExit.notifyListeners(SWT.Selection, new Event());
            Ui.screenshot(dialog.getShell(), "preferences-continue-after-exit");
            Ui.select(Ui.button(dialog.getShell(), "Apply and Close"));
            Ui.spin(50);
        } finally {
            dialog.close();
        }
        assertTrue(InstanceScope.INSTANCE.getNode(UiPreferences.NODE).getBoolean(UiPreferences.CONTINUE_AFTER_EXIT, false));
        assertTrue(UiPreferences.continueAfterExit());
    }

    @Test
    void p2DownloadsGoThroughTheServiceByDefaultAndThePageTurnsThatOff() throws Exception {
        PreferenceDialog dialog = Ui.openPreferencePage(PAGE);
        try {
            Button p2 = Ui.button(dialog.getShell(), "Download Eclipse updates and new software through Background Transfers");
            assertTrue(p2.getSelection(), "on by default (dev.bgtransfer.p2 is installed here, as in an IDE)");
            p2.setSelection(false);
            p2.notifyListeners(SWT.Selection, new Event());
            Ui.screenshot(dialog.getShell(), "preferences-p2");
            Ui.select(Ui.button(dialog.getShell(), "Apply and Close"));
            Ui.spin(50);
        } finally {
            dialog.close();
        }
        assertFalse(Platform.getPreferencesService().getBoolean(P2TransportPreferences.NODE,
                P2TransportPreferences.ARTIFACTS_THROUGH_SERVICE, true, null), "where p2's transport reads it");

        dialog = Ui.openPreferencePage(PAGE);
        try {
            Button p2 = Ui.button(dialog.getShell(), "Download Eclipse updates and new software through Background Transfers");
            assertFalse(p2.getSelection(), "the page shows what is saved");
            Ui.select(Ui.button(dialog.getShell(), "Restore Defaults"));
            Ui.spin(50);
            assertTrue(p2.getSelection(), "the default is on");
        } finally {
            dialog.close();
        }
    }

    @Test
    void theP2SwitchShowsAndRestoresTheInstallationsSetting() throws Exception {
        ConfigurationScope.INSTANCE.getNode(P2TransportPreferences.NODE)
                .putBoolean(P2TransportPreferences.ARTIFACTS_THROUGH_SERVICE, false);
        PreferenceDialog dialog = Ui.openPreferencePage(PAGE);
        try {
            Button p2 = Ui.button(dialog.getShell(), "Download Eclipse updates and new software through Background Transfers");
            assertFalse(p2.getSelection(), "off for the installation (configuration scope)");
            p2.setSelection(true);
            p2.notifyListeners(SWT.Selection, new Event());
            Ui.select(Ui.button(dialog.getShell(), "Restore Defaults"));
            Ui.spin(50);
            assertFalse(p2.getSelection(), "the installation's setting is the default a person restores");
        } finally {
            dialog.close();
            ConfigurationScope.INSTANCE.getNode(P2TransportPreferences.NODE)
                    .remove(P2TransportPreferences.ARTIFACTS_THROUGH_SERVICE);
        }
    }

    @Test
    void whereNoTransportIsOfferedToP2ThePageHasNoSwitchForIt() throws Exception {
        Bundle p2 = Platform.getBundle(P2TransportPreferences.NODE);
        p2.stop(); // as in the RCP product, which has no p2: dev.bgtransfer.p2 registers no transport there
        try {
            PreferenceDialog dialog = Ui.openPreferencePage(PAGE);
            try {
                assertTrue(Ui.find(dialog.getShell(), Button.class,
                        button -> button.getText().replace("&", "").startsWith("Download Eclipse updates")).isEmpty());
            } finally {
                dialog.close();
            }
        } finally {
            p2.start(Bundle.START_ACTIVATION_POLICY);
        }
    }

    /** @return the text field that follows the label starting with {@code label} */
    @Test
    void theOverallLimitWithATimeWindowIsCheckedAndHandedToTheService() throws Exception {
        PreferenceDialog dialog = Ui.openPreferencePage(PAGE);
        try {
            Text limit = fieldAfter(dialog, "Limit all transfers to");
            Button windowed = Ui.button(dialog.getShell(), "Between");
            Control[] row = windowed.getParent().getChildren();
            int at = List.of(row).indexOf(windowed);
            Text from = (Text) row[at + 1];
            Text until = (Text) row[at + 3];
            Text windowLimit = fieldAfter(dialog, "limit them to");
            Button apply = Ui.button(dialog.getShell(), "Apply and Close");
            assertEquals("0", limit.getText(), "no limit by default");
            assertFalse(windowed.getSelection());
            assertFalse(from.isEnabled(), "the window's fields wait for its box");

            limit.setText("1000");
            windowed.setSelection(true);
            windowed.notifyListeners(SWT.Selection, new Event());
            assertTrue(from.isEnabled());
            for (String bad : new String[] { "25:00", "late" }) {
                from.setText(bad);
                Ui.spin(50);
                assertFalse(apply.isEnabled(), bad + " is refused");
            }
            from.setText("22:00");
            until.setText("06:00");
            windowLimit.setText("0");
            Ui.spin(50);
            Ui.screenshot(dialog.getShell(), "preferences-bandwidth");
            assertTrue(apply.isEnabled());
            Ui.select(apply);
        } finally {
            if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                dialog.close();
            }
        }
        RateSchedule expected = RateSchedule.of(RateLimit.of(1_000_000)).withWindow(LocalTime.of(22, 0),
                LocalTime.of(6, 0), RateLimit.UNLIMITED);
        assertEventually(expected, () -> fixture.service().overallLimit(), "the service took it");
        assertEquals("1000000 22:00-06:00=0", InstanceScope.INSTANCE.getNode(TransferPreferences.NODE)
                .get(TransferPreferences.OVERALL_RATE_LIMIT, null), "and keeps it for the next start");
        fixture.service().setOverallLimit(RateSchedule.UNLIMITED);
    }

    @Test
    void hostLimitsAreShownOneALineAndWhatIsChangedGoesToTheService() throws Exception {
        fixture.service().setHostLimit("kept.example.org", RateLimit.of(500_000));
        fixture.service().setHostLimit("lifted.example.org", RateLimit.of(300_000));
        PreferenceDialog dialog = Ui.openPreferencePage(PAGE);
        try {
            Text hosts = fieldAfter(dialog, "Limit these hosts");
            Button apply = Ui.button(dialog.getShell(), "Apply and Close");
            assertEquals("kept.example.org 500\nlifted.example.org 300", hosts.getText().replace("\r", ""),
                    "the service's limits, a line each");
            for (String bad : new String[] { "mirror.example.org", "mirror.example.org:8080 200",
                    "mirror.example.org fast", "mirror.example.org 0" }) {
                hosts.setText("kept.example.org 500\n" + bad);
                Ui.spin(50);
                assertFalse(apply.isEnabled(), bad + " is refused");
                String error = ((org.eclipse.jface.preference.IPreferencePage) dialog.getSelectedPage()).getErrorMessage();
                assertTrue(String.valueOf(error).startsWith("Host limits, line 2: "), error);
            }
            hosts.setText("kept.example.org 500\n\nmirror.example.org 2000\n[::1] 100\n");
            Ui.spin(50);
            Ui.screenshot(dialog.getShell(), "preferences-host-limits");
            assertTrue(apply.isEnabled());
            Ui.select(apply);
        } finally {
            if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                dialog.close();
            }
        }
        Map<String, RateLimit> expected = Map.of("kept.example.org", RateLimit.of(500_000), "mirror.example.org",
                RateLimit.of(2_000_000), "[::1]", RateLimit.of(100_000));
        assertEventually(expected, () -> fixture.service().hostLimits(), "added, kept, and the one taken out lifted");
        expected.keySet().forEach(host -> fixture.service().setHostLimit(host, RateLimit.UNLIMITED));
    }

    /** Asserts that {@code actual} gives {@code expected} within 10 s: the page hands changes to the service in a Job. */
    private static <T> void assertEventually(T expected, Supplier<T> actual, String what) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!expected.equals(actual.get()) && System.nanoTime() < deadline) {
            Ui.spin(50);
        }
        assertEquals(expected, actual.get(), what);
    }

    private static Text fieldAfter(PreferenceDialog dialog, String label) {
        for (Label candidate : Ui.find(dialog.getShell(), Label.class, l -> l.getText().replace("&", "").startsWith(label))) {
            Control[] siblings = candidate.getParent().getChildren();
            for (int i = 0; i < siblings.length - 1; i++) {
                if (siblings[i] == candidate && siblings[i + 1] instanceof Text text) {
                    return text;
                }
            }
        }
        throw new AssertionError("No field labelled " + label);
    }

    @Test
    void thePageIsListedUnderItsName() {
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(Ui.page().getWorkbenchWindow().getShell(),
                PAGE, null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Ui.spin(100);
            assertTrue(dialog.getSelectedPage() != null, "the page opened");
            assertEquals("Background Transfers", ((org.eclipse.jface.preference.IPreferencePage) dialog.getSelectedPage()).getTitle());
        } finally {
            dialog.close();
        }
    }
}
