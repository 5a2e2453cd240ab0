package dev.bgtransfer.ui.internal.credentials;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.ui.internal.view.ViewDriver;
import dev.bgtransfer.ui.tests.Ui;
import dev.bgtransfer.ui.tests.WorkbenchTest;

/**
 * Sign-ins remembered in the real default Eclipse secure storage (its own keyring file in the test
 * runtime): they answer the next transfer to the same origin by themselves, are encrypted on disk,
 * never reach the SQLite store, give way to the person when refused, and can be forgotten.
 */
class RememberedSignInTest extends WorkbenchTest {
    private static final String PASSWORD = "Zebra-Secret-7319";

    private final List<String> shownShells = new CopyOnWriteArrayList<>();
    private final Listener shellWatcher = event -> {
        if (event.widget instanceof Shell shell && shell.getText().equals("Sign In")) {
            shownShells.add(shell.getText());
        }
    };

    @BeforeEach
    void forgetSignInsAndWatchShells() throws IOException {
        saved().forgetAll();
        Ui.display().addFilter(SWT.Show, shellWatcher);
    }

    @AfterEach
    void stopWatchingAndForget() throws IOException {
        Ui.display().removeFilter(SWT.Show, shellWatcher);
        saved().forgetAll();
    }

    @Test
    void aRememberedSignInAnswersTheNextTransferToTheSameOriginByItself() throws Exception {
        TestFile first = server.addFile("/private/first.bin", 150_000, 91).requireDigestAuth("carol", PASSWORD);
        TestFile second = server.addFile("/private/second.bin", 120_000, 92).requireDigestAuth("carol", PASSWORD);
        download(first);
        view.waitForRows(1);
        view.waitForCell(0, ViewDriver.CONTROLS, "Retry, Stop");

        List<Throwable> problems = new ArrayList<>();
        answerSignIn(problems, shell -> {
            List<Text> fields = fields(shell);
            assertEquals("", fields.get(0).getText(), "nothing saved yet");
            Button remember = rememberBox(shell);
            assertFalse(remember.getSelection(), "remembering is the person's choice");
            fields.get(0).setText("carol");
            fields.get(1).setText(PASSWORD);
            remember.setSelection(true);
            screenshot(shell, "sign-in-remember");
        });
        view.clickToggle(0);
        view.waitForCell(0, ViewDriver.CONTROLS, "Ready");
        assertEquals(List.of(), problems);
        assertEquals(first.sha256(), sha256(folder.resolve("first.bin")));
        assertEquals("carol", saved().userName(server.uri("/")).orElseThrow());

        shownShells.clear();
        download(second);
        view.waitForRows(2);
        view.waitForCell(1, ViewDriver.CONTROLS, "Ready");
        assertEquals(second.sha256(), sha256(folder.resolve("second.bin")));
        assertEquals(List.of(), shownShells, "no dialog for the second transfer");
        assertTrue(server.requests(second.path()).stream().anyMatch(request -> request.header("Authorization")
                .map(value -> value.startsWith("Digest ") && value.contains("username=\"carol\"")).orElse(false)),
                "the server saw the saved sign-in: " + server.requests(second.path()));

        byte[] keyring = Files.readAllBytes(Path.of(System.getProperty("dev.bgtransfer.tests.keyring")));
        assertTrue(contains(keyring, "dev.bgtransfer.ui/credentials/http"), "the sign-in is in the keyring file");
        assertFalse(contains(keyring, PASSWORD), "the password is not in the keyring file as plain text");
        assertFalse(contains(keyring, Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8))),
                "nor merely encoded");
        Path state = Path.of(System.getProperty("dev.bgtransfer.state"));
        try (Stream<Path> files = Files.list(state)) {
            String store = files.filter(file -> file.getFileName().toString().startsWith("transfers.db"))
                    .map(RememberedSignInTest::read).reduce("", String::concat);
            assertTrue(store.contains("/private/second.bin"), "the store was read: it holds the URL");
            assertFalse(store.contains(PASSWORD), "the password is not in the SQLite store");
            assertFalse(store.contains("carol"), "nor the user name");
        }
    }

    @Test
    void aRefusedSavedPasswordAsksThePersonWithTheUserNameFilledInAndIsReplaced() throws Exception {
        URI origin = server.uri("/");
        saved().save(origin, new PasswordAuthentication("dave", "an-old-password".toCharArray()));
        TestFile file = server.addFile("/private/changed.bin", 130_000, 93).requireBasicAuth("dave", PASSWORD);
        download(file);
        view.waitForRows(1);
        view.waitForCell(0, ViewDriver.STATUS, "127.0.0.1 did not accept the user name and password.");
        view.waitForCell(0, ViewDriver.CONTROLS, "Retry, Stop");
        assertTrue(server.requests(file.path()).stream().map(RecordedRequest::headers)
                .anyMatch(headers -> headers.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase)),
                "the saved password was tried");
        assertEquals(List.of(), shownShells, "no dialog until the person retries");

        List<Throwable> problems = new ArrayList<>();
        answerSignIn(problems, shell -> {
            List<Text> fields = fields(shell);
            assertEquals("dave", fields.get(0).getText(), "the saved user name is filled in");
            assertEquals("", fields.get(1).getText(), "the refused password is not shown");
            assertTrue(rememberBox(shell).getSelection(), "it was remembered, so it stays so");
            screenshot(shell, "sign-in-prefilled");
            fields.get(1).setText(PASSWORD);
        });
        view.clickToggle(0);
        view.waitForCell(0, ViewDriver.CONTROLS, "Ready");
        assertEquals(List.of(), problems);
        assertEquals(file.sha256(), sha256(folder.resolve("changed.bin")));
        assertEquals(PASSWORD, new String(saved().find(origin).orElseThrow().getPassword()), "the new password replaced it");
    }

    @Test
    void afterForgettingSavedSignInsTheNextTransferAsksAgain() throws Exception {
        saved().save(server.uri("/"), new PasswordAuthentication("erin", PASSWORD.toCharArray()));
        PreferenceDialog preferences = Ui.openPreferencePage("dev.bgtransfer.ui.preferences");
        try {
            Button forget = Ui.button(preferences.getShell(), "Forget Saved Sign-ins");
            assertTrue(forget.isEnabled());
            assertEquals(List.of("Saved sign-ins: 1"), savedSignInsLabels(preferences.getShell()));
            Ui.screenshot(preferences.getShell(), "preferences-sign-ins");
            Ui.select(forget);
            assertFalse(forget.isEnabled());
            assertEquals(List.of("Saved sign-ins: 0"), savedSignInsLabels(preferences.getShell()));
        } finally {
            preferences.close();
        }
        assertEquals(0, saved().count());

        TestFile file = server.addFile("/private/forgotten.bin", 110_000, 94).requireBasicAuth("erin", PASSWORD);
        shownShells.clear();
        download(file);
        view.waitForRows(1);
        view.waitForCell(0, ViewDriver.STATUS, "127.0.0.1 asks for a user name and password.");
        Ui.spin(1_000);
        assertEquals(1, server.requests(file.path()).size(), "nothing answered by itself");
        assertEquals("127.0.0.1 asks for a user name and password.", view.cell(0, ViewDriver.STATUS));

        List<Throwable> problems = new ArrayList<>();
        answerSignIn(problems, shell -> {
            assertEquals("", fields(shell).get(0).getText(), "no user name is remembered");
            assertFalse(rememberBox(shell).getSelection());
            fields(shell).get(0).setText("erin");
            fields(shell).get(1).setText(PASSWORD);
        });
        view.clickToggle(0);
        view.waitForCell(0, ViewDriver.CONTROLS, "Ready");
        assertEquals(List.of(), problems);
        assertEquals(file.sha256(), sha256(folder.resolve("forgotten.bin")));
        assertEquals(0, saved().count(), "not remembered this time");
    }

    /** Answers the Sign In dialog that will open: checks and fills it, then Sign In (or Cancel after a problem). */
    private static void answerSignIn(List<Throwable> problems, Consumer<Shell> fill) {
        Ui.whenShellOpens("Sign In", shell -> {
            try {
                fill.accept(shell);
            } catch (RuntimeException | AssertionError failed) {
                problems.add(failed);
            } finally {
                Ui.select(Ui.button(shell, problems.isEmpty() ? "Sign In" : "Cancel"));
            }
        });
    }

    private static SavedCredentials saved() {
        return SavedCredentials.open().orElseThrow();
    }

    private static List<Text> fields(Shell shell) {
        return Ui.find(shell, Text.class, text -> (text.getStyle() & SWT.BORDER) != 0);
    }

    private static Button rememberBox(Shell shell) {
        return Ui.find(shell, Button.class, button -> (button.getStyle() & SWT.CHECK) != 0
                && button.getText().replace("&", "").equals("Remember in secure storage")).getFirst();
    }

    private static List<String> savedSignInsLabels(Shell shell) {
        return Ui.find(shell, Label.class, label -> label.getText().startsWith("Saved sign-ins")).stream()
                .map(Label::getText).toList();
    }

    private static void screenshot(Shell shell, String name) {
        try {
            Ui.screenshot(shell, name);
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
