package dev.bgtransfer.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real small disk: a tmpfs mounted on a temporary folder, to fill up. Mounting needs root (as in
 * CI); elsewhere a test that asks for one is reported as skipped, never as passed.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path root;

    private SmallDisk(Path root) {
        this.root = root;
    }

    /**
     * @param options tmpfs mount options, for example {@code size=8m} or {@code size=8m,nr_inodes=16}
     * @return the mounted disk; skips the test (JUnit assumption) when mounting is not allowed
     */
    public static SmallDisk mount(String options) throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("bgtransfer-small-disk");
        boolean mounted = run("mount", "-t", "tmpfs", "-o", options, "tmpfs", root.toString()) == 0;
        if (!mounted) {
            Files.deleteIfExists(root);
        }
        assumeTrue(mounted, "mounting a tmpfs needs root");
        return new SmallDisk(root);
    }

    /** @return where the disk is mounted; its file store shows as {@code <root> (tmpfs)} */
    public Path root() {
        return root;
    }

    /** Changes the mount options (a size, {@code ro}, {@code rw}), failing the test when it cannot. */
    public void remount(String options) throws IOException, InterruptedException {
        assertEquals(0, run("mount", "-o", "remount," + options, root.toString()), "remount," + options);
    }

    /** Writes zeros to a file until the disk refuses; @return the file, to delete for room */
    public Path fill() throws IOException {
        Path filler = Files.createTempFile(root, "filler", ".bin");
        byte[] zeros = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(zeros);
            }
        } catch (IOException full) {
            assertTrue(String.valueOf(full.getMessage()).contains("No space left"), full.toString());
        }
        return filler;
    }

    /** Deletes everything on the disk. */
    public void empty() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(root)) {
                    Files.delete(path);
                }
            }
        }
    }

    /** Empties and unmounts the disk and deletes its mount point. */
    @Override
    public void close() throws IOException, InterruptedException {
        empty();
        run("umount", root.toString());
        Files.deleteIfExists(root);
    }

    private static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }
}
