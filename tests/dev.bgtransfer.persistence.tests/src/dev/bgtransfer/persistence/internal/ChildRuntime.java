package dev.bgtransfer.persistence.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.sqlite.util.OSInfo;

import dev.bgtransfer.core.TransferService;

/**
 * What the child processes of one work folder share, prepared once, so that each of hundreds of
 * starts takes as little as it can: the child compiled into a jar (source mode would compile at
 * every start), the OSGi framework's jar without its signature (the JVM verifies a signed jar's
 * classes at every start, and cannot put them in a class data archive), a class data archive
 * written by one warm-up run, SQLite's native library unpacked once, and only the bundles the
 * service and its store are wired to.
 */
final class ChildRuntime {
    private static final String MAIN_CLASS = "DownloaderProcess";
    /** The child's source, in this test fragment. */
    private static final String CHILD_SOURCE = "child/" + MAIN_CLASS + ".java";
    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");
    private static final long WARM_UP_TIMEOUT_SECONDS = 120;
    private static final Map<Path, ChildRuntime> PREPARED = new HashMap<>();

    private final Path work;
    private final String classPath;
    private final Path bundles;
    private final Path nativeLibrary;
    private final Path archive;

    private ChildRuntime(Path work) throws Exception {
        this.work = work;
        Path framework = unsigned(frameworkJar(), work.resolve("framework.jar"));
        this.classPath = framework + File.pathSeparator + compile(framework);
        this.bundles = Files.write(work.resolve("bundles.txt"), serviceBundleLocations());
        this.nativeLibrary = unpackSqliteLibrary(Files.createDirectories(work.resolve("sqlite-native")));
        this.archive = work.resolve("child.jsa");
        warmUp();
    }

    /** @return the runtime of {@code work}, prepared on the first call */
    static synchronized ChildRuntime in(Path work) throws Exception {
        ChildRuntime runtime = PREPARED.get(work);
        if (runtime == null) {
            runtime = new ChildRuntime(work);
            PREPARED.put(work, runtime);
        }
        return runtime;
    }

    /** @return the command that runs the child with these arguments after the state folder */
    List<String> command(Path state, List<String> arguments, String... jvmOptions) {
        List<String> command = new ArrayList<>(List.of(javaTool("java"), "-Xmx256m", "-Xshare:auto",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData"));
        if (Files.exists(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        if (Files.exists(nativeLibrary)) {
            command.add("-Dorg.sqlite.lib.path=" + nativeLibrary.getParent());
            command.add("-Dorg.sqlite.lib.name=" + nativeLibrary.getFileName());
        } else {
            // sqlite-jdbc unpacks its library per process; keep those inside the work folder
            command.add("-Dorg.sqlite.tmpdir=" + nativeLibrary.getParent());
        }
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classPath, MAIN_CLASS, state.toString(), work.resolve("framework").toString(),
                bundles.toString()));
        command.addAll(arguments);
        return command;
    }

    /** One run that exits once it is up, leaving the class data archive for all later runs. */
    private void warmUp() throws Exception {
        Path log = work.resolve("warm-up.log");
        Process process = new ProcessBuilder(command(work.resolve("warm-up-state"), List.of(),
                "-XX:ArchiveClassesAtExit=" + archive, "-Ddev.bgtransfer.child.exitWhenReady=true"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(WARM_UP_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0
                || !Files.readString(log).contains("READY")) {
            process.destroyForcibly();
            throw new IllegalStateException("The child's warm-up run failed: " + Files.readString(log));
        }
    }

    private Path compile(Path framework) throws Exception {
        Path source = work.resolve(MAIN_CLASS + ".java");
        try (InputStream in = testFragment().getEntry(CHILD_SOURCE).openStream()) {
            Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
        }
        Path classes = work.resolve("child-classes");
        Path log = work.resolve("javac.log");
        Process javac = new ProcessBuilder(javaTool("javac"), "-d", classes.toString(), "-cp", framework.toString(),
                source.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (javac.waitFor() != 0) {
            throw new IllegalStateException("Could not compile the child process: " + Files.readString(log));
        }
        // a class data archive takes jars only
        Path jar = work.resolve("child.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(MAIN_CLASS + ".class"));
            Files.copy(classes.resolve(MAIN_CLASS + ".class"), out);
            out.closeEntry();
        }
        return jar;
    }

    private static Path unsigned(Path signed, Path copy) throws IOException {
        try (JarFile in = new JarFile(signed.toFile(), false);
                OutputStream file = Files.newOutputStream(copy);
                JarOutputStream out = new JarOutputStream(file)) {
            for (JarEntry entry : in.stream().toList()) {
                if (SIGNATURE.matcher(entry.getName()).matches()) {
                    continue;
                }
                out.putNextEntry(new JarEntry(entry.getName()));
                try (InputStream content = in.getInputStream(entry)) {
                    content.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return copy;
    }

    /** @return the unpacked library, or where sqlite-jdbc should unpack it when this platform's is not found */
    private static Path unpackSqliteLibrary(Path folder) throws IOException {
        String name = System.mapLibraryName("sqlitejdbc");
        Path library = folder.resolve(name);
        URL entry = FrameworkUtil.getBundle(org.sqlite.JDBC.class)
                .getEntry("org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name);
        if (entry != null) {
            try (InputStream in = entry.openStream()) {
                Files.copy(in, library);
            }
        }
        return library;
    }

    /**
     * @return the locations of the bundles the service and its store are wired to, transitively
     *         (Felix SCR through the extender requirement), with their fragments; not this test
     *         fragment, nor what only its own requirements wired in (JUnit, the test support)
     */
    private static List<String> serviceBundleLocations() {
        Bundle tests = testFragment();
        Set<Bundle> needed = new LinkedHashSet<>();
        Deque<Bundle> todo = new ArrayDeque<>(List.of(FrameworkUtil.getBundle(TransferService.class),
                FrameworkUtil.getBundle(SqliteTransferStore.class)));
        while (!todo.isEmpty()) {
            Bundle next = todo.pop();
            if (next.getBundleId() == 0 || next.equals(tests) || !needed.add(next)) {
                continue;
            }
            BundleWiring wiring = next.adapt(BundleWiring.class);
            for (BundleWire wire : wiring.getRequiredWires(null)) {
                if (!wire.getRequirement().getRevision().getBundle().equals(tests)) {
                    todo.push(wire.getProvider().getBundle());
                }
            }
            for (BundleWire fragment : wiring.getProvidedWires(HostNamespace.HOST_NAMESPACE)) {
                todo.push(fragment.getRequirer().getBundle());
            }
        }
        return needed.stream()
                .map(candidate -> "reference:" + FileLocator.getBundleFileLocation(candidate).orElseThrow().toURI())
                .toList();
    }

    /** @return this test fragment: the one of the store's fragments that carries the child's source */
    private static Bundle testFragment() {
        return FrameworkUtil.getBundle(SqliteTransferStore.class).adapt(BundleWiring.class)
                .getProvidedWires(HostNamespace.HOST_NAMESPACE).stream().map(wire -> wire.getRequirer().getBundle())
                .filter(fragment -> fragment.getEntry(CHILD_SOURCE) != null).findFirst().orElseThrow();
    }

    private static Path frameworkJar() throws Exception {
        return Path.of(Bundle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String javaTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }
}
