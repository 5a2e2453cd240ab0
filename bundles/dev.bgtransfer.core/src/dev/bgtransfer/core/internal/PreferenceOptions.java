package dev.bgtransfer.core.internal;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.core.runtime.preferences.InstanceScope;

import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferPreferences;

/** Reads {@link TransferOptions} from the preferences and reports every change to them. */
final class PreferenceOptions implements AutoCloseable {
    private final IEclipsePreferences node = InstanceScope.INSTANCE.getNode(TransferPreferences.NODE);
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
        int perHost = node.getInt(TransferPreferences.MAX_CONNECTIONS_PER_HOST,
                TransferOptions.DEFAULTS.maxConnectionsPerHost());
        long stall = node.getLong(TransferPreferences.STALL_TIMEOUT_SECONDS,
                TransferOptions.DEFAULTS.stallTimeout().toSeconds());
        long minimumSpeed = node.getLong(TransferPreferences.MINIMUM_SPEED, TransferOptions.DEFAULTS.minimumSpeed());
        return options.withMaxConnectionsPerHost(Math.clamp(perHost, 1, TransferPreferences.MAX_CONNECTIONS_PER_HOST_LIMIT))
                .withStallTimeout(Duration.ofSeconds(Math.max(1, stall)))
                .withMinimumSpeed(Math.max(0, minimumSpeed), options.speedWindow());
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
