package dev.bgtransfer.persistence.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A separate Java process running the real transfer service in its own OSGi framework, on a
 * given store, so that a test can kill it with SIGKILL (see {@code child/DownloaderProcess.java}
 * and, for how it starts quickly, {@link ChildRuntime}).
 */
final class ChildProcess {
    /** What Java reports as the exit code of a process that ended by SIGKILL (128 + 9). */
    static final int KILLED_BY_SIGKILL = 137;
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
     * @param folder where to download {@code urls}
     * @param urls   what to download, as a {@code get} of them would; empty to only continue what
     *               the store holds
     */
    static ChildProcess start(Path work, Path state, Path folder, List<URI> urls) throws Exception {
        ChildProcess child = launch(work, state, folder, urls);
        child.awaitReady();
        return child;
    }

    /**
     * Like {@link #start}, with a service held to one connection per host, so that a large file is
     * fetched over one connection as from a server that does not offer ranges up front.
     */
    static ChildProcess startOnePerHost(Path work, Path state, Path folder, List<URI> urls) throws Exception {
        ChildProcess child = launch(work, state, arguments(work, folder, urls), "-Ddev.bgtransfer.child.maxPerHost=1");
        child.awaitReady();
        return child;
    }

    /**
     * Starts the process, has it upload {@code file} to {@code url} in a background session
     * {@code session} of its own, and waits until its service is up and the upload is queued.
     */
    static ChildProcess startUpload(Path work, Path state, String session, Path file, URI url) throws Exception {
        ChildProcess child = launch(work, state, List.of("upload", session, file.toString(), url.toString()));
        child.awaitReady();
        return child;
    }

    /** Like {@link #start}, but returns at once, while the process is still starting. */
    static ChildProcess launch(Path work, Path state, Path folder, List<URI> urls) throws Exception {
        return launch(work, state, arguments(work, folder, urls));
    }

    private static List<String> arguments(Path work, Path folder, List<URI> urls) throws IOException {
        List<String> arguments = new ArrayList<>();
        if (!urls.isEmpty()) {
            Path urlFile = work.resolve("urls.txt");
            Files.write(urlFile, urls.stream().map(URI::toString).toList());
            arguments.add(folder.toString());
            arguments.add(urlFile.toString());
        }
        return arguments;
    }

    /**
     * @param arguments  what the child takes after its state folder (see {@code child/DownloaderProcess.java})
     * @param jvmOptions what its JVM takes besides the usual
     */
    private static ChildProcess launch(Path work, Path state, List<String> arguments, String... jvmOptions)
            throws Exception {
        Path log = work.resolve("child-" + COUNT.incrementAndGet() + ".log");
        Process process = new ProcessBuilder(ChildRuntime.in(work).command(state, arguments, jvmOptions))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildProcess(process, log);
    }

    /** @return whether the service is up and the URLs are asked for */
    boolean isReady() throws IOException {
        return Files.readString(log).contains("READY");
    }

    void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            if (isReady()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The child process ended: " + Files.readString(log));
            }
            Thread.sleep(5);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The child process did not start: " + Files.readString(log));
    }

    /**
     * Kills the process with SIGKILL: no shutdown hook, no deactivation, no flush.
     *
     * @return the exit code, {@link #KILLED_BY_SIGKILL} unless it had ended by itself
     */
    int kill() throws InterruptedException {
        // on Linux, destroyForcibly() is kill(pid, SIGKILL)
        process.destroyForcibly();
        return process.waitFor();
    }

    /** @return what the process printed, for failure messages */
    String output() {
        try {
            return Files.readString(log);
        } catch (IOException unreadable) {
            return unreadable.toString();
        }
    }
}
