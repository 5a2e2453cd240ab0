package dev.bgtransfer.core.internal;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;

import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferPreferences;

/**
 * Fills the default scope of {@link TransferPreferences#NODE} from {@link TransferOptions#DEFAULTS}:
 * the one place the service ({@link PreferenceOptions}) and a preference page read the defaults from.
 * Registered in plugin.xml, so the preference service runs it the first time anyone reads that
 * default scope, whether or not the service has started, and a product's
 * {@code plugin_customization.ini} still overrides it.
 */
public final class PreferenceDefaults extends AbstractPreferenceInitializer {
    /** Transfers left unfinished continue at start unless the preference says otherwise. */
    static final boolean CONTINUE_UNFINISHED = true;

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences defaults = DefaultScope.INSTANCE.getNode(TransferPreferences.NODE);
        TransferOptions options = TransferOptions.DEFAULTS;
        defaults.putInt(TransferPreferences.MAX_CONNECTIONS_PER_HOST, options.maxConnectionsPerHost());
        defaults.putLong(TransferPreferences.STALL_TIMEOUT_SECONDS, options.stallTimeout().toSeconds());
        defaults.putLong(TransferPreferences.MINIMUM_SPEED, options.minimumSpeed());
        defaults.putBoolean(TransferPreferences.CONTINUE_UNFINISHED, CONTINUE_UNFINISHED);
    }
}
