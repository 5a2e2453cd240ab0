package dev.bgtransfer.core.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.RateSchedule;
import dev.bgtransfer.core.TransferPreferences;
import dev.bgtransfer.core.internal.bandwidth.Bandwidth;

/**
 * Keeps the overall and per-host bandwidth limits in the service's preferences
 * ({@link TransferPreferences#OVERALL_RATE_LIMIT}, {@link TransferPreferences#HOST_RATE_LIMITS}): read at
 * start, followed when a preference page writes them, and written (and flushed) when they are set through
 * the service, so that a limit a person set holds after a restart. A value that cannot be read is
 * logged and taken as no limit.
 */
final class PreferenceBandwidth implements AutoCloseable {
    private final IEclipsePreferences node = InstanceScope.INSTANCE.getNode(TransferPreferences.NODE);
    private final Bandwidth bandwidth;
    private final IPreferenceChangeListener listener;

    PreferenceBandwidth(Bandwidth bandwidth) {
        this.bandwidth = bandwidth;
        apply();
        listener = event -> {
            if (TransferPreferences.OVERALL_RATE_LIMIT.equals(event.getKey())
                    || TransferPreferences.HOST_RATE_LIMITS.equals(event.getKey())) {
                apply();
            }
        };
        node.addPreferenceChangeListener(listener);
    }

    private void apply() {
        String overall = node.get(TransferPreferences.OVERALL_RATE_LIMIT, "");
        try {
            bandwidth.setOverall(RateSchedule.parse(overall));
        } catch (IllegalArgumentException unreadable) {
            ILog.of(getClass()).warn(TransferPreferences.OVERALL_RATE_LIMIT + ": " + unreadable.getMessage());
            bandwidth.setOverall(RateSchedule.UNLIMITED);
        }
        Map<String, RateLimit> hosts = new TreeMap<>();
        for (String entry : node.get(TransferPreferences.HOST_RATE_LIMITS, "").strip().split("\\s+")) {
            int equals = entry.lastIndexOf('=');
            try {
                if (equals > 0) {
                    hosts.put(Bandwidth.hostKey(entry.substring(0, equals)), RateLimit.parse(entry.substring(equals + 1)));
                } else if (!entry.isEmpty()) {
                    throw new IllegalArgumentException(entry);
                }
            } catch (IllegalArgumentException unreadable) {
                ILog.of(getClass()).warn(TransferPreferences.HOST_RATE_LIMITS + ": " + unreadable.getMessage());
            }
        }
        bandwidth.hosts().keySet().stream().filter(host -> !hosts.containsKey(host))
                .forEach(host -> bandwidth.setHost(host, RateLimit.UNLIMITED));
        hosts.forEach(bandwidth::setHost);
    }

    /** Sets the overall limit now and keeps it. */
    void setOverall(RateSchedule schedule) {
        bandwidth.setOverall(schedule);
        write(TransferPreferences.OVERALL_RATE_LIMIT,
                schedule.equals(RateSchedule.UNLIMITED) ? "" : schedule.toText());
    }

    /** Sets the limit of one host now and keeps every host's. */
    synchronized void setHost(String host, RateLimit limit) {
        bandwidth.setHost(host, limit);
        write(TransferPreferences.HOST_RATE_LIMITS, new TreeMap<>(bandwidth.hosts()).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue().toCurlSyntax()).collect(Collectors.joining(" ")));
    }

    private void write(String key, String value) {
        if (value.isEmpty()) {
            node.remove(key);
        } else {
            node.put(key, value);
        }
        try {
            node.flush();
        } catch (BackingStoreException notWritten) {
            ILog.of(getClass()).warn(key + " was set but could not be kept for the next start", notWritten);
        }
    }

    @Override
    public void close() {
        node.removePreferenceChangeListener(listener);
    }
}
