package dev.bgtransfer.ui.tests;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** The all-finished notifications on the screen, read from their widgets. */
public final class Popups {

    private Popups() {
    }

    /** @return the first notification that opens, waiting for it */
    public static Shell await() {
        Shell[] popup = new Shell[1];
        Ui.waitUntil("a notification", () -> {
            for (Shell shell : Ui.display().getShells()) {
                if (text(shell).isPresent()) {
                    popup[0] = shell;
                    return true;
                }
            }
            return false;
        });
        return popup[0];
    }

    /** @return the texts of the notifications on the screen */
    public static List<String> shown() {
        return Arrays.stream(Ui.display().getShells()).map(Popups::text).flatMap(Optional::stream).toList();
    }

    /** Closes the notifications on the screen. */
    public static void closeAll() {
        for (Shell shell : Ui.display().getShells()) {
            if (text(shell).isPresent()) {
                shell.close();
            }
        }
        Ui.spin(50);
    }

    /** @return the texts of a visible shell that reads like our notification, separated by {@code " | "} */
    public static Optional<String> text(Shell shell) {
        if (shell.isDisposed() || !shell.isVisible()) {
            return Optional.empty();
        }
        StringBuilder texts = new StringBuilder();
        for (Control control : Ui.find(shell, Control.class, c -> c instanceof Label || c instanceof Text)) {
            texts.append(control instanceof Label label ? label.getText() : ((Text) control).getText()).append(" | ");
        }
        String all = texts.toString();
        return all.contains("Downloads finished") ? Optional.of(all) : Optional.empty();
    }
}
