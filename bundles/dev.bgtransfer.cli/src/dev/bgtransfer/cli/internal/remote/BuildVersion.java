package dev.bgtransfer.cli.internal.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.jar.Manifest;

/**
 * The build of this command line: its bundle's version, qualifier included, the same string for the
 * daemon (in the framework), the JDK client (from the bundle's jar) and the Perl client (from the jar's
 * name, given by the launcher). Client and daemon of one build run the same code.
 */
public final class BuildVersion {
    private static final String UNKNOWN = "unknown";

    private BuildVersion() {
    }

    /** @return the Bundle-Version of the bundle this class is loaded from */
    public static String current() {
        URL manifest = BuildVersion.class.getClassLoader().getResource("META-INF/MANIFEST.MF");
        if (manifest == null) {
            return UNKNOWN;
        }
        try (InputStream in = manifest.openStream()) {
            String version = new Manifest(in).getMainAttributes().getValue("Bundle-Version");
            return version == null ? UNKNOWN : version;
        } catch (IOException unreadable) {
            return UNKNOWN;
        }
    }
}
