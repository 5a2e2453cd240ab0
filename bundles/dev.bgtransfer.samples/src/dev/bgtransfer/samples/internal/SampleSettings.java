package dev.bgtransfer.samples.internal;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.BundleContext;
import org.osgi.service.prefs.BackingStoreException;

import dev.bgtransfer.samples.SamplePreferences;

/**
 * The server's rate and port: a framework property wins, then the instance-scope preference (when
 * there is an instance area), then the default. The rate follows preference changes.
 */
final class SampleSettings implements AutoCloseable {
    private static final String LAST_PORT = "lastPort";

    private final BundleContext context;
    private final IEclipsePreferences node;
    private final IPreferenceChangeListener listener;
    private volatile long bytesPerSecond;

    SampleSettings(BundleContext context) {
        this.context = context;
        this.node = hasInstanceArea() ? InstanceScope.INSTANCE.getNode(SamplePreferences.NODE) : null;
        this.bytesPerSecond = readRate();
        this.listener = event -> bytesPerSecond = readRate();
        if (node != null) {
            node.addPreferenceChangeListener(listener);
        }
    }

    long bytesPerSecond() {
        return bytesPerSecond;
    }

    int port() {
        String property = context.getProperty(SamplePreferences.PORT_PROPERTY);
        if (property != null && !property.isBlank()) {
            try {
                int port = Integer.parseInt(property.strip());
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            ILog.of(SampleSettings.class).warn(NLS.bind(Messages.badPort, property));
        }
        return node == null ? 0 : Math.clamp(node.getInt(LAST_PORT, 0), 0, 65535);
    }

    void rememberPort(int port) {
        if (node != null) {
            node.putInt(LAST_PORT, port);
            try {
                node.flush();
            } catch (BackingStoreException unwritable) {
                ILog.of(SampleSettings.class).warn(unwritable.getMessage());
            }
        }
    }

    private long readRate() {
        String property = context.getProperty(SamplePreferences.BYTES_PER_SECOND_PROPERTY);
        String value = property != null && !property.isBlank() ? property
                : node == null ? null : node.get(SamplePreferences.BYTES_PER_SECOND, null);
        if (value == null) {
            return SamplePreferences.DEFAULT_BYTES_PER_SECOND;
        }
        try {
            long rate = Long.parseLong(value.strip());
            if (rate >= 0) {
                return rate;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        ILog.of(SampleSettings.class).warn(NLS.bind(Messages.badRate, value));
        return SamplePreferences.DEFAULT_BYTES_PER_SECOND;
    }

    private static boolean hasInstanceArea() {
        return Platform.getInstanceLocation() != null && Platform.getInstanceLocation().isSet();
    }

    @Override
    public void close() {
        if (node != null) {
            node.removePreferenceChangeListener(listener);
        }
    }
}
