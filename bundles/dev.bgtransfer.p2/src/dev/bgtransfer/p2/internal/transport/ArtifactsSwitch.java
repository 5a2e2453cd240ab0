package dev.bgtransfer.p2.internal.transport;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IPreferencesService;

import dev.bgtransfer.p2.P2TransportPreferences;

/** Reads {@link P2TransportPreferences#ARTIFACTS_THROUGH_SERVICE} for each artifact, so a change needs no restart. */
final class ArtifactsSwitch {

    private ArtifactsSwitch() {
    }

    static boolean isOn() {
        IPreferencesService preferences = Platform.getPreferencesService();
        return preferences == null ? P2TransportPreferences.ARTIFACTS_THROUGH_SERVICE_DEFAULT
                : preferences.getBoolean(P2TransportPreferences.NODE, P2TransportPreferences.ARTIFACTS_THROUGH_SERVICE,
                        P2TransportPreferences.ARTIFACTS_THROUGH_SERVICE_DEFAULT, null);
    }
}
