package dev.bgtransfer.persistence.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Moves a damaged database file and its SQLite siblings aside, so that a fresh database can take
 * its place and the old bytes stay available for inspection.
 */
final class DatabaseQuarantine {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** A stale journal or WAL left next to a fresh database would be replayed into it. */
    private static final List<String> SIBLING_SUFFIXES = List.of("-wal", "-shm", "-journal");

    private DatabaseQuarantine() {
    }

    /**
     * @return where the database file went: {@code <name>.corrupt-<yyyyMMdd-HHmmss>}, with a counter
     *         appended when that name is taken; siblings keep their suffix after that name
     */
    static Path moveAside(Path databaseFile, LocalDateTime now) throws IOException {
        Path target = freeTarget(databaseFile, now.format(STAMP));
        Files.move(databaseFile, target);
        for (String suffix : SIBLING_SUFFIXES) {
            Path sibling = withSuffix(databaseFile, suffix);
            if (Files.exists(sibling)) {
                Files.move(sibling, withSuffix(target, suffix));
            }
        }
        return target;
    }

    private static Path freeTarget(Path databaseFile, String stamp) {
        Path target = withSuffix(databaseFile, ".corrupt-" + stamp);
        for (int attempt = 2; isTaken(target); attempt++) {
            target = withSuffix(databaseFile, ".corrupt-" + stamp + "-" + attempt);
        }
        return target;
    }

    private static boolean isTaken(Path target) {
        return Files.exists(target)
                || SIBLING_SUFFIXES.stream().anyMatch(suffix -> Files.exists(withSuffix(target, suffix)));
    }

    private static Path withSuffix(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }
}
