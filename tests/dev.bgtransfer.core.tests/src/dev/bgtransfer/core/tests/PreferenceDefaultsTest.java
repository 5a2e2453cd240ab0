package dev.bgtransfer.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferPreferences;
import dev.bgtransfer.junit.ServiceTest;

/** The core fills the default scope of its preference node from the options' defaults, and the service reads it. */
class PreferenceDefaultsTest extends ServiceTest {

    @Test
    void theDefaultScopeHoldsTheOptionsDefaults() {
        IEclipsePreferences defaults = DefaultScope.INSTANCE.getNode(TransferPreferences.NODE);
        assertEquals(TransferOptions.DEFAULTS.maxConnectionsPerHost(),
                defaults.getInt(TransferPreferences.MAX_CONNECTIONS_PER_HOST, -1));
        assertEquals(TransferOptions.DEFAULTS.stallTimeout().toSeconds(),
                defaults.getLong(TransferPreferences.STALL_TIMEOUT_SECONDS, -1));
        assertEquals(TransferOptions.DEFAULTS.minimumSpeed(), defaults.getLong(TransferPreferences.MINIMUM_SPEED, -1));
        assertTrue(defaults.getBoolean(TransferPreferences.CONTINUE_UNFINISHED, false));
    }

    @Test
    void aPreferenceNotSetTakesTheDefaultScopesValue() {
        IEclipsePreferences defaults = DefaultScope.INSTANCE.getNode(TransferPreferences.NODE);
        IEclipsePreferences instance = InstanceScope.INSTANCE.getNode(TransferPreferences.NODE);
        try {
            // as a product's plugin_customization.ini would; the service reads it with the next change
            defaults.putInt(TransferPreferences.MAX_CONNECTIONS_PER_HOST, 3);
            instance.putLong(TransferPreferences.STALL_TIMEOUT_SECONDS, 20);
            assertEquals(3, fixture.service().options().maxConnectionsPerHost(), "the default scope's value");
            assertEquals(Duration.ofSeconds(20), fixture.service().options().stallTimeout(), "the instance's value");
        } finally {
            defaults.putInt(TransferPreferences.MAX_CONNECTIONS_PER_HOST,
                    TransferOptions.DEFAULTS.maxConnectionsPerHost());
            instance.remove(TransferPreferences.STALL_TIMEOUT_SECONDS);
        }
        assertEquals(TransferOptions.DEFAULTS.maxConnectionsPerHost(),
                fixture.service().options().maxConnectionsPerHost());
        assertEquals(TransferOptions.DEFAULTS.stallTimeout(), fixture.service().options().stallTimeout());
    }
}
