package dev.bgtransfer.ui.tests;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The figures {@link ViewBenchmark} measured, one line each with its target beside it, appended to
 * the file named by the system property {@value #FILE_PROPERTY} (which benchmarks/run prints) and
 * to standard output. Figures are never asserted: the machines are noisy.
 */
final class BenchmarkFigures {
    static final String FILE_PROPERTY = "dev.bgtransfer.benchmark.figures";

    private BenchmarkFigures() {
    }

    /** Writes {@code label: value (target: target)}. */
    static void print(String label, String value, String target) {
        line(String.format(Locale.ROOT, "  %-58s %16s   target: %s", label, value, target));
    }

    static void line(String text) {
        System.out.println(text);
        Path file = Path.of(System.getProperty(FILE_PROPERTY, "target/benchmark-figures.txt"));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException failed) {
            throw new IllegalStateException("Cannot write the benchmark figures to " + file, failed);
        }
    }

    /** @return the heap in use after full collections, in bytes */
    static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Ui.spin(50);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    static String mebibytes(double bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1 << 20));
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }
}
