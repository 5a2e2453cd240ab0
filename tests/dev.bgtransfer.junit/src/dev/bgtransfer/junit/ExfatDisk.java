package dev.bgtransfer.junit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real exFAT file system, as on a USB stick or an SD card: an image file on a loop device,
 * mounted through FUSE. exFAT has no hard links (a link is refused with "Operation not permitted").
 * Needs root, a free loop device and the Debian packages exfatprogs and exfat-fuse (as in CI);
 * elsewhere a test that asks for one is reported as skipped, never as passed.
 */
public final class ExfatDisk implements AutoCloseable {
    private static final long IMAGE_BYTES = 32L * 1024 * 1024;

    private final Path workArea;
    private final Path root;
    private final String loopDevice;

    private ExfatDisk(Path workArea, Path root, String loopDevice) {
        this.workArea = workArea;
        this.root = root;
        this.loopDevice = loopDevice;
    }

    /** @return the mounted disk; skips the test (JUnit assumption) when it cannot be mounted here */
    public static ExfatDisk mount() throws IOException, InterruptedException {
        Path workArea = Files.createTempDirectory("bgtransfer-exfat");
        Path image = workArea.resolve("disk.img");
        Path root = Files.createDirectory(workArea.resolve("mnt"));
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            file.setLength(IMAGE_BYTES);
        }
        String loopDevice = null;
        boolean mounted = run("mkfs.exfat", image.toString()).exitCode() == 0;
        if (mounted) {
            Result attached = run("losetup", "--find", "--show", image.toString());
            loopDevice = attached.exitCode() == 0 ? attached.output().strip() : null;
            mounted = loopDevice != null && run("mount.exfat-fuse", loopDevice, root.toString()).exitCode() == 0;
        }
        if (!mounted) {
            detachAndDelete(workArea, loopDevice);
        }
        assumeTrue(mounted, "mounting an exFAT disk needs root, a loop device, exfatprogs and exfat-fuse");
        return new ExfatDisk(workArea, root, loopDevice);
    }

    /** @return where the disk is mounted */
    public Path root() {
        return root;
    }

    /** Unmounts the disk, frees its loop device and deletes the image. */
    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", root.toString());
        detachAndDelete(workArea, loopDevice);
    }

    private static void detachAndDelete(Path workArea, String loopDevice) throws IOException, InterruptedException {
        if (loopDevice != null) {
            run("losetup", "--detach", loopDevice);
        }
        Files.deleteIfExists(workArea.resolve("disk.img"));
        Files.deleteIfExists(workArea.resolve("mnt"));
        Files.deleteIfExists(workArea);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), output);
        } catch (IOException notInstalled) {
            return new Result(-1, notInstalled.getMessage());
        }
    }
}
