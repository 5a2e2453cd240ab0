package dev.bgtransfer.remote.internal.launch;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import dev.bgtransfer.remote.internal.server.ApiServer;

/**
 * Starts the per-user daemon of a state folder from the running framework's own bundles, as the
 * {@code ./bgtransfer} launcher starts it from the command line's product: {@code serve --state STATE
 * --idle-exit SECONDS} in this JVM's {@code java}, detached (a session of its own with
 * {@code setsid} where there is one, stdin from {@code /dev/null}), its output appended to
 * {@code STATE/daemon.log} (moved to {@code daemon.log.1} once past 1 MiB), its working folder the
 * state folder; then waits until its API socket answers. A daemon that loses the race for the state
 * folder's lock to another one ends; the other one answers, and that is as good.
 */
public final class DaemonStarter {
    /** Seconds the daemon waits idle before it exits: {@code BGTRANSFER_IDLE_EXIT}, as for the launcher, else 300. */
    static final String IDLE_EXIT = "BGTRANSFER_IDLE_EXIT"; //$NON-NLS-1$
    private static final long LOG_LIMIT = 1 << 20;
    private static final long WAIT_SECONDS = 30;
    private static final long ENDED_GRACE_MILLIS = 2_000;
    private static final String LAUNCHER = "org.eclipse.equinox.launcher"; //$NON-NLS-1$

    private static final System.Logger LOG = System.getLogger(DaemonStarter.class.getName());

    private final BundleContext context;

    public DaemonStarter(BundleContext context) {
        this.context = context;
    }

    /**
     * Starts the daemon of {@code state} and waits until its API socket (or that of a daemon that
     * won the race) is there.
     *
     * @throws IllegalStateException with a sentence that names the log when none came
     */
    public void start(Path state) {
        Path log = state.resolve("daemon.log"); //$NON-NLS-1$
        Process daemon;
        try {
            Files.createDirectories(state);
            Path configuration = DaemonConfiguration.of(context, state).write();
            rotate(log);
            daemon = new ProcessBuilder(command(state, configuration)).directory(state.toFile())
                    .redirectInput(Redirect.from(new File("/dev/null"))) //$NON-NLS-1$
                    .redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile())).start();
        } catch (IOException cannot) {
            throw new IllegalStateException(NLS.bind(Messages.cannotRun, state, cannot.getMessage()), cannot);
        }
        awaitSocket(daemon, state, log);
        LOG.log(Level.INFO, NLS.bind(Messages.started, new Object[] { state, daemon.pid(), log }));
    }

    /** @return the command line that runs the daemon of {@code state} with the framework {@code configuration} */
    List<String> command(Path state, Path configuration) {
        List<String> command = new ArrayList<>();
        onPath("setsid").ifPresent(command::add); //$NON-NLS-1$ a session of its own: no terminal's signals reach it
        command.add(java());
        // a heap that starts small: an idle daemon holds ~100 MB instead of ~160
        command.addAll(List.of("-Xms16m", "-Xmx512m", "-XX:+UseSerialGC")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        command.addAll(AotCache.options(configuration, Runtime.version().feature()));
        command.addAll(List.of("-XX:ErrorFile=" + state.resolve("daemon-crash-%p.log"), //$NON-NLS-1$ //$NON-NLS-2$
                "-jar", launcher(state).toString(), "-configuration", configuration.toUri().toString(), //$NON-NLS-1$ //$NON-NLS-2$
                "-data", "@noDefault", "serve", "--state", state.toString(), "--idle-exit", idleExit())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
        return command;
    }

    /** @return the program {@code name} where the PATH finds it, as the shell's {@code command -v} */
    private static Optional<String> onPath(String name) {
        String path = System.getenv("PATH"); //$NON-NLS-1$
        return path == null ? Optional.empty()
                : Arrays.stream(path.split(File.pathSeparator)).filter(folder -> !folder.isEmpty())
                        .map(folder -> new File(folder, name)).filter(File::canExecute).map(File::getPath).findFirst();
    }

    private static String idleExit() {
        String seconds = System.getenv(IDLE_EXIT);
        return seconds != null && seconds.matches("\\d+") ? seconds : "300"; //$NON-NLS-1$ //$NON-NLS-2$
    }

    /** @return this JVM's own {@code java} */
    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
    }

    /** @return the Equinox launcher's jar: the framework's bundle, else the one in the installation's plugins */
    private Path launcher(Path state) {
        for (Bundle bundle : context.getBundles()) {
            if (LAUNCHER.equals(bundle.getSymbolicName())) {
                Optional<File> file = FileLocator.getBundleFileLocation(bundle);
                if (file.isPresent() && file.get().isFile()) {
                    return file.get().toPath();
                }
            }
        }
        String install = context.getProperty("osgi.install.area"); //$NON-NLS-1$
        if (install != null && install.startsWith("file:")) { //$NON-NLS-1$
            Path plugins = Path.of(URI.create(install.replace(" ", "%20"))).resolve("plugins"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(plugins, LAUNCHER + "_*.jar")) { //$NON-NLS-1$
                for (Path jar : jars) {
                    return jar;
                }
            } catch (IOException | RuntimeException none) {
                // said below
            }
        }
        throw new IllegalStateException(NLS.bind(Messages.noLauncher, state));
    }

    private static void rotate(Path log) throws IOException {
        if (Files.isRegularFile(log) && Files.size(log) > LOG_LIMIT) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING); //$NON-NLS-1$
        }
    }

    /**
     * Waits for the API socket: gives up two seconds after the daemon ended (it lost the race for
     * the lock to another daemon, whose socket would have come by then, or it could not start), or
     * after 30 s.
     */
    private static void awaitSocket(Process daemon, Path state, Path log) {
        Path socket = DefaultState.apiSocket(state);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        long endedAt = 0;
        try {
            while (!ApiServer.answers(socket)) {
                if (endedAt == 0 && !daemon.isAlive()) {
                    endedAt = System.nanoTime();
                }
                if (endedAt != 0 && System.nanoTime() - endedAt > TimeUnit.MILLISECONDS.toNanos(ENDED_GRACE_MILLIS)) {
                    throw new IllegalStateException(NLS.bind(Messages.ended, new Object[] { state, daemon.exitValue(), log }));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(NLS.bind(Messages.noSocket, new Object[] { state, WAIT_SECONDS, log }));
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(NLS.bind(Messages.noSocket, new Object[] { state, WAIT_SECONDS, log }), interrupted);
        }
    }
}
