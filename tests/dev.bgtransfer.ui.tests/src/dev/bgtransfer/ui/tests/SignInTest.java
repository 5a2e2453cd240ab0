package dev.bgtransfer.ui.tests;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.ui.internal.view.ViewDriver;

/** A server that wants a user name and password: the row says so, Retry asks, the download completes. */
class SignInTest extends WorkbenchTest {

    @Test
    void retryAsksForTheCredentialsAndTheDownloadCompletes() throws Exception {
        TestFile file = server.addFile("/private/signed.bin", 200_000, 90).requireBasicAuth("bob", "pa:ss");
        fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        view.waitForRows(1);
        view.waitForCell(0, ViewDriver.CONTROLS, "Retry, Stop");
        assertEquals("127.0.0.1 asks for a user name and password.", view.cell(0, ViewDriver.STATUS));

        List<Throwable> problems = new ArrayList<>();
        Ui.whenShellOpens("Sign In", shell -> {
            Button signIn = Ui.button(shell, "Sign In");
            try {
                assertFalse(signIn.isEnabled(), "no user name yet");
                List<Text> fields = Ui.find(shell, Text.class, text -> (text.getStyle() & SWT.BORDER) != 0);
                fields.get(0).setText("bob");
                fields.get(1).setText("pa:ss");
                assertTrue((fields.get(1).getStyle() & SWT.PASSWORD) != 0, "the password is hidden");
                assertTrue(signIn.isEnabled());
                Ui.screenshot(shell, "sign-in");
            } catch (RuntimeException | AssertionError | java.io.IOException failed) {
                problems.add(failed);
            } finally {
                Ui.select(problems.isEmpty() ? signIn : Ui.button(shell, "Cancel"));
            }
        });
        view.clickToggle(0);

        assertEquals(List.of(), problems);
        view.waitForCell(0, ViewDriver.CONTROLS, "Ready");
        assertEquals(file.sha256(), sha256(folder.resolve("signed.bin")));
        assertEquals(3, server.requests(file.path()).size(), "asked without, challenged, then answered");
    }
}
