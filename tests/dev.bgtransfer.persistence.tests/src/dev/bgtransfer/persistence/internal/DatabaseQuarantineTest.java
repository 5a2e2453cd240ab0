package dev.bgtransfer.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged database goes aside with its siblings, under a name that is free. */
class DatabaseQuarantineTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2025, 3, 7, 9, 5, 1);

    @TempDir
    Path dir;

    @Test
    void theFileAndItsJournalsMoveUnderOneStampedName() throws IOException {
        Path database = write("transfers.db", "main");
        write("transfers.db-wal", "wal");
        write("transfers.db-shm", "shm");
        write("other.db-journal", "not a sibling");

        Path target = DatabaseQuarantine.moveAside(database, NOW);

        assertEquals(dir.resolve("transfers.db.corrupt-20250307-090501"), target);
        assertEquals(List.of("other.db-journal", "transfers.db.corrupt-20250307-090501",
                "transfers.db.corrupt-20250307-090501-shm", "transfers.db.corrupt-20250307-090501-wal"), names());
        assertEquals("wal", Files.readString(dir.resolve("transfers.db.corrupt-20250307-090501-wal")));
        assertFalse(Files.exists(database));
    }

    @Test
    void aTakenNameGetsACounterEvenWhenOnlyASiblingTookIt() throws IOException {
        write("transfers.db.corrupt-20250307-090501", "earlier");
        write("transfers.db.corrupt-20250307-090501-2-wal", "earlier wal");

        Path target = DatabaseQuarantine.moveAside(write("transfers.db", "main"), NOW);

        assertEquals(dir.resolve("transfers.db.corrupt-20250307-090501-3"), target);
        assertEquals("earlier", Files.readString(dir.resolve("transfers.db.corrupt-20250307-090501")));
        assertEquals("main", Files.readString(target));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
