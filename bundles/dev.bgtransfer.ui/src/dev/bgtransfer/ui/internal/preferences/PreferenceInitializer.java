package dev.bgtransfer.ui.internal.preferences;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;

import dev.bgtransfer.ui.internal.UiPreferences;

/** The defaults of the user interface's own preferences. */
public final class PreferenceInitializer extends AbstractPreferenceInitializer {

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences defaults = DefaultScope.INSTANCE.getNode(UiPreferences.NODE);
        defaults.put(UiPreferences.DOWNLOAD_FOLDER, UiPreferences.defaultDownloadFolder());
        defaults.putBoolean(UiPreferences.NOTIFY_WHEN_FINISHED, true);
        // an IDE's: closing it ends its network use; the product's plugin_customization.ini says true
        defaults.putBoolean(UiPreferences.CONTINUE_AFTER_EXIT, false);
    }
}
