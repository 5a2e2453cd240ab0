package dev.bgtransfer.persistence.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.sqlite.SQLiteJDBCLoader;

/**
 * sqlite-jdbc's native library, kept in a folder of this process's own between its starts. Left to
 * itself, the driver runs {@code uname -o} at every start (to tell Android's Termux from Linux) and
 * copies its library out of its jar into the temporary folder: about 0.07 s of a daemon's start,
 * before it can answer the command that started it.
 * <p>
 * The first start loads the library as the driver does and then copies the file the driver
 * extracted, the one this process mapped (so it is the right one for this system, as the driver chose
 * it), into the folder. Later starts name that copy to the driver through its system properties
 * {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name}, set only around the load and restored
 * after it. A copy the driver could not load is passed over by the driver itself, which then goes its
 * usual way; it is replaced by the library the driver loaded then. Where the process's mappings cannot be
 * read ({@code /proc/self/maps}, Linux only), nothing is kept and every start goes the usual way.
 * <p>
 * The properties are the whole JVM's: only a process that runs nothing else that uses sqlite-jdbc
 * may ask for this (the command line and its daemon, through the framework property
 * {@value #KEEP_PROPERTY}).
 */
final class KeptNativeLibrary {
    /** The framework property that asks for it, {@code true} in the command line's products. */
    static final String KEEP_PROPERTY = "dev.bgtransfer.sqlite.keepNativeLibrary";
    private static final String PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static final Path MAPPINGS = Path.of("/proc/self/maps");

    private final Path folder;
    private final String fileName = System.mapLibraryName("sqlitejdbc");

    /** @param folders where the copies live, one sub-folder per driver version and architecture */
    KeptNativeLibrary(Path folders) {
        this.folder = folders.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + System.getProperty("os.arch"));
    }

    /**
     * Loads the driver's library, from the kept copy when there is one, and keeps a copy when there
     * was none. Never fails: a library that cannot be loaded at all fails the store's first
     * connection with the driver's own message, as without this.
     */
    void load() {
        Path kept = folder.resolve(fileName);
        String before = mappings();
        if (Files.isRegularFile(kept) && mapped(kept, before)) {
            return; // loaded by an earlier start of the store in this process
        }
        Optional<Path> extractedBefore = extracted(before);
        if (extractedBefore.isPresent()) { // loaded the usual way by an earlier start in this process
            if (!Files.isRegularFile(kept)) {
                copy(extractedBefore.get(), kept);
            }
            return;
        }
        if (Files.isRegularFile(kept)) {
            if (!loadFrom(kept) || mapped(kept, mappings())) {
                return;
            }
            StoreLog.warn("The kept copy of SQLite's native library " + kept + " did not load; it is replaced.", null);
            deleteQuietly(kept); // the driver went its usual way: keep what it loaded instead
        } else {
            initialize();
        }
        extracted(mappings()).ifPresent(extracted -> copy(extracted, kept));
    }

    /** @return whether the driver was pointed at {@code kept}, not at a library someone else named */
    private static boolean loadFrom(Path kept) {
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            initialize(); // someone named a library already: theirs it is
            return false;
        }
        System.setProperty(PATH_PROPERTY, kept.getParent().toString());
        System.setProperty(NAME_PROPERTY, kept.getFileName().toString());
        try {
            initialize();
        } finally {
            System.clearProperty(PATH_PROPERTY);
            System.clearProperty(NAME_PROPERTY);
        }
        return true;
    }

    private static void initialize() {
        try {
            SQLiteJDBCLoader.initialize();
        } catch (Exception notLoaded) {
            // the store's first connection fails with the driver's own message
        }
    }

    /** @return the library the driver extracted into the temporary folder, if this process mapped one */
    private Optional<Path> extracted(String mappings) {
        String extracted = "/sqlite-" + SQLiteJDBCLoader.getVersion() + "-";
        for (String line : mappings.split("\n")) {
            int path = line.indexOf('/');
            if (path >= 0 && line.endsWith("-" + fileName) && line.lastIndexOf(extracted) == line.lastIndexOf('/')) {
                return Optional.of(Path.of(line.substring(path)));
            }
        }
        return Optional.empty();
    }

    private static void copy(Path extracted, Path kept) {
        try {
            Files.createDirectories(kept.getParent());
            Path partial = Files.createTempFile(kept.getParent(), kept.getFileName().toString(), ".part");
            try {
                Files.copy(extracted, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, kept, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException | RuntimeException notKept) {
            // the next start extracts it again, as the driver always did
        }
    }

    private static boolean mapped(Path file, String mappings) {
        try {
            return mappings.contains(" " + file.toRealPath() + "\n");
        } catch (IOException gone) {
            return false;
        }
    }

    /**
     * @return this process's mappings, a line each: address, permissions, offset, device, inode, then
     *         the mapped file's path; empty where they cannot be read. Read with no stream or lambda:
     *         their first use costs a starting JVM tens of milliseconds.
     */
    private static String mappings() {
        try {
            return Files.readString(MAPPINGS);
        } catch (IOException | RuntimeException unreadable) {
            return "";
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the next start tries it again and removes it then
        }
    }
}
