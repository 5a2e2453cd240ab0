package dev.bgtransfer.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;

/**
 * Driving the real workbench from a test on its UI thread: spin the event loop while waiting,
 * find widgets, post real mouse and key events, take screenshots.
 */
public final class Ui {
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Ui() {
    }

    public static Display display() {
        return PlatformUI.getWorkbench().getDisplay();
    }

    public static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** Runs the event loop until {@code condition} holds, failing after {@link #TIMEOUT}. */
    public static void waitUntil(String what, BooleanSupplier condition) {
        waitUntil(what, condition, () -> "");
    }

    /** Like {@link #waitUntil(String, BooleanSupplier)}, with what was seen last in the failure. */
    public static void waitUntil(String what, BooleanSupplier condition, Supplier<String> lastSeen) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting until " + what + "; last seen: " + lastSeen.get());
            }
            spin(10);
        }
    }

    /** Runs the event loop for about {@code millis}. */
    public static void spin(long millis) {
        Display display = display();
        long end = System.nanoTime() + millis * 1_000_000;
        do {
            while (display.readAndDispatch()) {
                // keep dispatching
            }
            if (System.nanoTime() < end) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } while (System.nanoTime() < end);
    }

    /**
     * A left click at {@code point} in {@code control}'s coordinates: the mouse down and up events
     * a click makes, sent to the control (through the display's filters, like real input).
     * Events posted through the X server reached the pointer's window under Xvfb but not SWT's
     * table listeners reliably, so they are not used.
     */
    public static void click(Control control, Point point) {
        for (int type : new int[] { SWT.MouseDown, SWT.MouseUp }) {
            Event event = new Event();
            event.x = point.x;
            event.y = point.y;
            event.button = 1;
            event.count = 1;
            control.notifyListeners(type, event);
        }
        spin(20);
    }

    /**
     * A key press and release sent to {@code control}; the workbench's key bindings see it. Each
     * press has a time of its own, as real ones do: the bindings take a key they handle after the
     * widget (Delete, for one) only once per time.
     */
    public static void press(Control control, int keyCode, char character) {
        press(control, SWT.NONE, keyCode, character);
    }

    /** A key press with modifiers ({@code SWT.MOD1} for Ctrl, say) held, as {@link #press(Control, int, char)}. */
    public static void press(Control control, int modifiers, int keyCode, char character) {
        int time = (int) System.currentTimeMillis();
        for (int type : new int[] { SWT.KeyDown, SWT.KeyUp }) {
            Event event = new Event();
            event.keyCode = keyCode;
            event.character = character;
            event.stateMask = modifiers;
            event.time = time;
            control.notifyListeners(type, event);
        }
        spin(20);
    }

    /** Opens Window &gt; Preferences on page {@code id} alone, without blocking; close it in a {@code finally}. */
    public static PreferenceDialog openPreferencePage(String id) {
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(page().getWorkbenchWindow().getShell(), id,
                new String[] { id }, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        spin(100);
        return dialog;
    }

    /** @return the first shell whose title is {@code title}, if one is open */
    public static Optional<Shell> shell(String title) {
        for (Shell shell : display().getShells()) {
            if (!shell.isDisposed() && shell.isVisible() && title.equals(shell.getText())) {
                return Optional.of(shell);
            }
        }
        return Optional.empty();
    }

    /**
     * Answers a modal dialog that will open: polls for the shell titled {@code title} and hands it to
     * {@code answer} on the UI thread, from inside the dialog's own event loop.
     */
    public static void whenShellOpens(String title, java.util.function.Consumer<Shell> answer) {
        Display display = display();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            Optional<Shell> shell = shell(title);
            if (shell.isPresent()) {
                answer.accept(shell.get());
            } else if (System.nanoTime() < deadline) {
                display.timerExec(20, poll[0]);
            }
        };
        display.timerExec(20, poll[0]);
    }

    /** @return every control under {@code root} that matches */
    public static <T extends Control> List<T> find(Control root, Class<T> type, Predicate<T> matches) {
        List<T> found = new ArrayList<>();
        collect(root, type, matches, found);
        return found;
    }

    private static <T extends Control> void collect(Control control, Class<T> type, Predicate<T> matches, List<T> found) {
        if (type.isInstance(control) && matches.test(type.cast(control))) {
            found.add(type.cast(control));
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, type, matches, found);
            }
        }
    }

    /** @return the push button labelled {@code label} (mnemonics ignored) in the shell */
    public static Button button(Shell shell, String label) {
        List<Button> buttons = find(shell, Button.class, b -> b.getText().replace("&", "").equals(label));
        if (buttons.isEmpty()) {
            fail("No button '" + label + "' in " + shell.getText());
        }
        return buttons.getFirst();
    }

    /** Selects a push button the way a click would. */
    public static void select(Button button) {
        button.notifyListeners(SWT.Selection, new Event());
    }

    /** Saves what the screen shows inside {@code shell} as a PNG and returns its path. */
    public static Path screenshot(Shell shell, String name) throws IOException {
        Path folder = Path.of(System.getProperty("dev.bgtransfer.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".png");
        spin(200);
        Display display = shell.getDisplay();
        Rectangle bounds = shell.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageData data = image.getImageData();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { data };
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
        return file;
    }
}
