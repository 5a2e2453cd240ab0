package dev.bgtransfer.persistence.tests;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * A separate Java process running the real transfer service in its own OSGi framework, on a
 * given store, so that a test can kill it with SIGKILL (see {@code child/DownloaderProcess.java}).
 */
final class ChildProcess {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final long READY_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Process process;
    private final Path log;

    private ChildProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the process and waits until its service is up.
     *
     * @param url    a URL to download, or {@code null} to only continue what the store holds
     * @param folder where to download {@code url}
     */
    static ChildProcess start(Path work, Path state, URI url, Path folder) throws Exception {
        int number = COUNT.incrementAndGet();
        Path source = work.resolve("DownloaderProcess.java");
        Path bundles = work.resolve("bundles.txt");
        if (!Files.exists(source)) {
            try (InputStream in = bundle().getEntry("child/DownloaderProcess.java").openStream()) {
                Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.write(bundles, serviceBundleLocations());
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", frameworkJar().toString(), source.toString(), state.toString(),
                work.resolve("framework-" + number).toString(), bundles.toString()));
        if (url != null) {
            command.add(url.toString());
            command.add(folder.toString());
        }
        Path log = work.resolve("child-" + number + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ChildProcess child = new ChildProcess(process, log);
        child.awaitReady();
        return child;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).contains("READY")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The child process ended: " + Files.readString(log));
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The child process did not start: " + Files.readString(log));
    }

    /** Kills the process with SIGKILL: no shutdown hook, no deactivation, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private static Bundle bundle() {
        return FrameworkUtil.getBundle(ChildProcess.class);
    }

    /** @return the locations of the bundles this test runs with, minus the test harness */
    private static List<String> serviceBundleLocations() {
        BundleContext context = bundle().getBundleContext();
        return Stream.of(context.getBundles())
                .filter(candidate -> candidate.getBundleId() != 0 && !isHarness(candidate.getSymbolicName()))
                .map(candidate -> "reference:" + FileLocator.getBundleFileLocation(candidate).orElseThrow().toURI())
                .toList();
    }

    private static boolean isHarness(String symbolicName) {
        String name = symbolicName.toLowerCase(Locale.ROOT);
        return name.contains("junit") || name.contains("surefire") || name.contains("tycho")
                || name.contains("opentest4j") || name.contains("apiguardian") || name.endsWith(".tests");
    }

    private static Path frameworkJar() throws URISyntaxException {
        return Path.of(Bundle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
