package dev.bgtransfer.ui.internal;

import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;

import dev.bgtransfer.core.TransferPreferences;

/**
 * The preferences of the user interface, in the instance scope node {@link #NODE}. The service's
 * own preferences live in {@link TransferPreferences#NODE}.
 */
public final class UiPreferences {

    /** The preference node's name (this bundle's symbolic name). */
    public static final String NODE = "dev.bgtransfer.ui";

    /** String: the folder new downloads are saved in. Default {@code ~/Downloads}. */
    public static final String DOWNLOAD_FOLDER = "downloadFolder";

    /** boolean: show a notification when all transfers have finished. Default true. */
    public static final String NOTIFY_WHEN_FINISHED = "notifyWhenFinished";

    /**
     * boolean: the view's new transfers go to the workbench's background session, which the per-user
     * service runs on after the application exits (see {@link WorkbenchSession}). Default false in an
     * IDE; the product's {@code plugin_customization.ini} makes it true.
     */
    public static final String CONTINUE_AFTER_EXIT = "continueAfterExit";

    private UiPreferences() {
    }

    /** @return the default download folder, {@code Downloads} in the user's home */
    public static String defaultDownloadFolder() {
        return Path.of(System.getProperty("user.home"), "Downloads").toString();
    }

    /** @return the folder new downloads are saved in */
    public static Path downloadFolder() {
        String folder = Platform.getPreferencesService().getString(NODE, DOWNLOAD_FOLDER, "", null);
        return Path.of(folder.isBlank() ? defaultDownloadFolder() : folder);
    }

    /** @return whether to show a notification when all transfers have finished */
    public static boolean notifyWhenFinished() {
        return Platform.getPreferencesService().getBoolean(NODE, NOTIFY_WHEN_FINISHED, true, null);
    }

    /** @return whether the view's new transfers should continue after the application exits */
    public static boolean continueAfterExit() {
        return Platform.getPreferencesService().getBoolean(NODE, CONTINUE_AFTER_EXIT, false, null);
    }
}
