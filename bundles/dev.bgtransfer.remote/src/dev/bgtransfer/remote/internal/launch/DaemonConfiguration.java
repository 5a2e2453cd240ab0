package dev.bgtransfer.remote.internal.launch;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The daemon's framework configuration: a {@code config.ini} naming, by their files in this
 * installation, the framework and the bundles {@code serve} needs (see {@link DaemonBundles}), with
 * the command line's application and start levels, as the command line's product has them. It lives
 * in a folder of its own under {@code STATE/.daemon/}, named after the build and the content, so two
 * builds or installations never share one and two processes writing it write the same.
 */
final class DaemonConfiguration {
    static final String APPLICATION = "dev.bgtransfer.cli.app"; //$NON-NLS-1$
    /** Started at level 2, before the rest: the DS runtime and equinox.common; core.runtime at the default level. */
    private static final Map<String, String> STARTED = Map.of("org.apache.felix.scr", "@2:start", //$NON-NLS-1$ //$NON-NLS-2$
            "org.eclipse.equinox.common", "@2:start", "org.eclipse.core.runtime", "@4:start"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
    private static final String DEV = "osgi.dev"; //$NON-NLS-1$

    private final Path folder;
    private final String content;

    private DaemonConfiguration(Path folder, String content) {
        this.folder = folder;
        this.content = content;
    }

    /**
     * @return the configuration for a daemon of {@code state} from the bundles of {@code context}'s framework
     * @throws IllegalStateException with a sentence when a bundle needed is missing or no file
     */
    static DaemonConfiguration of(BundleContext context, Path state) {
        Set<Bundle> bundles = DaemonBundles.of(context, state.toString());
        Properties properties = new Properties();
        properties.setProperty("osgi.framework", fileOf(FrameworkUtil.class).toUri().toString()); //$NON-NLS-1$
        properties.setProperty("osgi.bundles", bundles.stream() //$NON-NLS-1$
                .map(bundle -> "reference:" + fileOf(bundle, state).toUri() + startOf(bundle)) //$NON-NLS-1$
                .collect(Collectors.joining(","))); //$NON-NLS-1$
        properties.setProperty("osgi.bundles.defaultStartLevel", "4"); //$NON-NLS-1$ //$NON-NLS-2$
        properties.setProperty("eclipse.application", APPLICATION); //$NON-NLS-1$
        properties.setProperty("osgi.configuration.cascaded", "false"); //$NON-NLS-1$ //$NON-NLS-2$
        // a process of bgtransfer's alone, as the command line's product says too
        properties.setProperty("dev.bgtransfer.sqlite.keepNativeLibrary", "true"); //$NON-NLS-1$ //$NON-NLS-2$
        String dev = context.getProperty(DEV); // a development runtime: bundles' classes in their output folders
        if (dev != null) {
            properties.setProperty(DEV, dev);
        }
        String content = text(properties);
        Bundle cli = bundles.iterator().next();
        String name = "configuration-" + cli.getVersion() + '-' + sha256(content).substring(0, 12); //$NON-NLS-1$
        return new DaemonConfiguration(state.resolve(".daemon").resolve(name), content); //$NON-NLS-1$
    }

    /** @return the configuration folder, its {@code config.ini} written (atomically) unless it holds this already */
    Path write() throws IOException {
        Path ini = folder.resolve("config.ini"); //$NON-NLS-1$
        if (Files.isRegularFile(ini) && Files.readString(ini).equals(content)) {
            return folder;
        }
        Files.createDirectories(folder);
        Path written = Files.createTempFile(folder, "config", ".ini"); //$NON-NLS-1$ //$NON-NLS-2$
        Files.writeString(written, content);
        Files.move(written, ini, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return folder;
    }

    String content() {
        return content;
    }

    private static String startOf(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0) {
            return "@4"; //$NON-NLS-1$
        }
        return STARTED.getOrDefault(bundle.getSymbolicName(), "@4"); //$NON-NLS-1$
    }

    private static Path fileOf(Bundle bundle, Path state) {
        File file = FileLocator.getBundleFileLocation(bundle).orElseThrow(() -> new IllegalStateException(
                NLS.bind(Messages.noFile, new Object[] { bundle.getSymbolicName(), bundle.getLocation(), state })));
        return file.toPath().toAbsolutePath();
    }

    /** @return the jar (or folder) the class {@code type} of the framework was loaded from */
    private static Path fileOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | RuntimeException unknown) {
            throw new IllegalStateException(NLS.bind(Messages.noFramework, unknown), unknown);
        }
    }

    /** @return the properties as config.ini text, sorted, without the date {@link Properties#store} writes */
    private static String text(Properties properties) {
        StringWriter out = new StringWriter();
        try {
            properties.store(out, null);
        } catch (IOException notOnAStringWriter) {
            throw new UncheckedIOException(notOnAStringWriter);
        }
        StringJoiner lines = new StringJoiner("\n", "", "\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        out.toString().lines().filter(line -> !line.startsWith("#")).sorted().forEach(lines::add); //$NON-NLS-1$
        return lines.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))); //$NON-NLS-1$
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }
}
