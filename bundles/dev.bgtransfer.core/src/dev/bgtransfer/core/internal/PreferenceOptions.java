package dev.bgtransfer.core.internal;

import java.time.Duration;
import java.util.function.Consumer;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.core.runtime.preferences.InstanceScope;

import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferPreferences;

/** Reads {@link TransferOptions} from the preferences and reports every change to them. */
final class PreferenceOptions implements AutoCloseable {
    private final IEclipsePreferences node = InstanceScope.INSTANCE.getNode(TransferPreferences.NODE);
    private IPreferenceChangeListener listener;

    /** Calls {@code changed} with the new options after every change of a preference. */
    void listen(Consumer<TransferOptions> changed) {
        listener = event -> changed.accept(read());
        node.addPreferenceChangeListener(listener);
    }

    TransferOptions read() {
        TransferOptions defaults = TransferOptions.DEFAULTS;
        int perHost = node.getInt(TransferPreferences.MAX_CONNECTIONS_PER_HOST, defaults.maxConnectionsPerHost());
        long stall = node.getLong(TransferPreferences.STALL_TIMEOUT_SECONDS, defaults.stallTimeout().toSeconds());
        try {
            return defaults.withMaxConnectionsPerHost(
                    Math.clamp(perHost, 1, TransferPreferences.MAX_CONNECTIONS_PER_HOST_LIMIT))
                    .withStallTimeout(Duration.ofSeconds(Math.max(1, stall)));
        } catch (IllegalArgumentException unusable) {
            ILog.of(PreferenceOptions.class).warn("Ignoring transfer preferences: " + unusable.getMessage());
            return defaults;
        }
    }

    boolean continueUnfinished() {
        return node.getBoolean(TransferPreferences.CONTINUE_UNFINISHED, true);
    }

    @Override
    public void close() {
        if (listener != null) {
            node.removePreferenceChangeListener(listener);
        }
    }
}
