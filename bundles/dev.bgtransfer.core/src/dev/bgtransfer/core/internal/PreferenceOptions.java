package dev.bgtransfer.core.internal;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.core.runtime.preferences.InstanceScope;

import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferPreferences;

/**
 * Reads {@link TransferOptions} from the preferences and reports every change to them. A preference
 * not set in the instance scope has the value of the default scope, which {@link PreferenceDefaults}
 * fills (as a preference page's Restore Defaults reads it); {@link TransferOptions#DEFAULTS} only
 * stands in where no extension registry ran that initializer.
 */
final class PreferenceOptions implements AutoCloseable {
    private final IEclipsePreferences node = InstanceScope.INSTANCE.getNode(TransferPreferences.NODE);
    private final IEclipsePreferences defaults = DefaultScope.INSTANCE.getNode(TransferPreferences.NODE);
    private IPreferenceChangeListener listener;

    /**
     * After every change of a preference, applies the preferences to the current options and
     * hands on the result; options the preferences do not govern stay as they were set.
     */
    void listen(Supplier<TransferOptions> current, Consumer<TransferOptions> changed) {
        listener = event -> changed.accept(applyTo(current.get()));
        node.addPreferenceChangeListener(listener);
    }

    /** @return {@code options} with the preferences' per-host limit, stall timeout and minimum speed */
    TransferOptions applyTo(TransferOptions options) {
        int perHost = readInt(TransferPreferences.MAX_CONNECTIONS_PER_HOST,
                TransferOptions.DEFAULTS.maxConnectionsPerHost());
        long stall = readLong(TransferPreferences.STALL_TIMEOUT_SECONDS,
                TransferOptions.DEFAULTS.stallTimeout().toSeconds());
        long minimumSpeed = readLong(TransferPreferences.MINIMUM_SPEED, TransferOptions.DEFAULTS.minimumSpeed());
        return options.withMaxConnectionsPerHost(Math.clamp(perHost, 1, TransferPreferences.MAX_CONNECTIONS_PER_HOST_LIMIT))
                .withStallTimeout(Duration.ofSeconds(Math.max(1, stall)))
                .withMinimumSpeed(Math.max(0, minimumSpeed), options.speedWindow());
    }

    /** @return the instance scope's value of {@code key}, else the default scope's, else {@code fallback} */
    private int readInt(String key, int fallback) {
        return node.getInt(key, defaults.getInt(key, fallback));
    }

    /** @return the instance scope's value of {@code key}, else the default scope's, else {@code fallback} */
    private long readLong(String key, long fallback) {
        return node.getLong(key, defaults.getLong(key, fallback));
    }

    boolean continueUnfinished() {
        return node.getBoolean(TransferPreferences.CONTINUE_UNFINISHED,
                defaults.getBoolean(TransferPreferences.CONTINUE_UNFINISHED, PreferenceDefaults.CONTINUE_UNFINISHED));
    }

    @Override
    public void close() {
        if (listener != null) {
            node.removePreferenceChangeListener(listener);
        }
    }
}
