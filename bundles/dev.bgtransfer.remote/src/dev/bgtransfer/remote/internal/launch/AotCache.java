package dev.bgtransfer.remote.internal.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The ahead-of-time class cache of a daemon's JVM (JDK 25 and newer), kept as the launcher keeps
 * one per product build: in the daemon's configuration folder, which is one per build. The first
 * daemon records it as it exits (a few seconds more, once); later ones start from it, about 0.2 s
 * sooner. A marker folder keeps two daemons from recording at once; one killed while recording is
 * retried after an hour. A folder that cannot be written just goes without.
 */
final class AotCache {
    /** The first JDK whose JVM records a cache as it exits ({@code -XX:AOTCacheOutput}). */
    static final int FIRST_JDK = 25;
    private static final Duration RECORDING_GIVEN_UP = Duration.ofHours(1);

    private AotCache() {
    }

    /** @return the JVM options for a daemon of {@code configuration} run by a JDK of {@code feature} version */
    static List<String> options(Path configuration, int feature) {
        if (feature < FIRST_JDK) {
            return List.of();
        }
        Path cache = configuration.resolve("daemon.aot"); //$NON-NLS-1$
        if (Files.isRegularFile(cache)) {
            return List.of("-XX:AOTCache=" + cache); //$NON-NLS-1$
        }
        Path recording = configuration.resolve("daemon.aot.recording"); //$NON-NLS-1$
        try {
            if (Files.isDirectory(recording) && Files.getLastModifiedTime(recording).toInstant()
                    .isBefore(Instant.now().minus(RECORDING_GIVEN_UP))) {
                Files.delete(recording);
            }
            Files.createDirectory(recording);
            return List.of("-XX:AOTCacheOutput=" + cache); //$NON-NLS-1$
        } catch (IOException recordingOrUnwritable) {
            return List.of();
        }
    }
}
