package dev.bgtransfer.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.junit.TransferFixture;

/**
 * What a killed process left, read straight from the SQLite file and the download folder (not
 * through the service), checked against the rules the engine promises:
 * <ul>
 * <li>a record's offset is never beyond the bytes of its partial file;</li>
 * <li>a file under its final name has exactly the bytes of its entity;</li>
 * <li>a final name exists only for a completed record, or in the window the engine documents
 * ({@code DownloadAttempt.complete}): it stores the final name before it creates it and before the
 * move, so a record that is not completed yet, with all bytes recorded, may name a final file that
 * does not exist yet or is the empty reservation (the partial file still there), or that is already
 * the whole entity (the partial file gone);</li>
 * <li>a partial file is named in the store before it is created, so a record may name one that
 * does not exist yet, with no bytes recorded;</li>
 * <li>nothing else is in the folder: no stray partial file, no second name for one transfer.</li>
 * </ul>
 */
final class DiskAndStoreCheck {
    private final Path database;
    private final Path folder;
    private final SeededFiles files;
    /** Final files whose digest was checked, by identity and time: hashed again only when changed. */
    private final Map<Path, String> verified = new HashMap<>();

    DiskAndStoreCheck(Path database, Path folder, SeededFiles files) {
        this.database = database;
        this.folder = folder;
        this.files = files;
    }

    /** @return the stored records, each of a distinct URL that was asked for */
    List<TransferRecord> records() throws IOException {
        if (!Files.exists(database)) {
            return List.of();
        }
        try (SqliteTransferStore store = SqliteTransferStore.open(database)) {
            assertTrue(store.movedAside().isEmpty(), "the killed process left a damaged database");
            List<TransferRecord> records = store.loadAll();
            assertEquals(records.size(), records.stream().map(TransferRecord::url).distinct().count(),
                    "one transfer per URL");
            return records;
        }
    }

    /**
     * @param kept      by file name, the bytes a new process keeps: the recorded offset, or the size
     *                  of a file under its final name
     * @param completed how many transfers are stored as completed
     */
    record Result(Map<String, Long> kept, int completed) {
    }

    /** Checks every rule on what the killed process left. */
    Result check(String when) throws IOException {
        List<TransferRecord> records = records();
        Set<Path> explained = new HashSet<>();
        Map<String, Long> kept = new HashMap<>();
        for (TransferRecord record : records) {
            kept.put(files.byUrl(record.url()).name(), checkRecord(record, explained, when));
        }
        try (Stream<Path> present = Files.list(folder)) {
            List<Path> strays = present.filter(file -> !explained.contains(file)).toList();
            assertTrue(strays.isEmpty(), when + ": files no record accounts for: " + strays);
        }
        return new Result(kept, (int) records.stream().filter(r -> r.state() == TransferState.COMPLETED).count());
    }

    private long checkRecord(TransferRecord record, Set<Path> explained, String when) throws IOException {
        SeededFiles.Served served = files.byUrl(record.url());
        long size = served.file().size();
        Path finalFile = served.finalFile(folder);
        String what = when + ", " + served.name() + " (" + record.state() + ", offset " + record.bytes() + " of "
                + size + ")";
        assertTrue(record.bytes() >= 0 && record.bytes() <= size, what + ": offset outside the entity");
        assertTrue(record.total() == Transfer.UNKNOWN_SIZE || record.total() == size,
                what + ": wrong length " + record.total());
        if (record.state() == TransferState.COMPLETED) {
            assertEquals(finalFile, record.file(), what + ": completed under another name");
            assertEquals(served.file().sha256(), record.sha256(), what + ": stored digest");
            assertTrue(record.partFile() == null, what + ": completed with a partial file");
            assertEntity(finalFile, served, what);
            explained.add(finalFile);
            return size;
        }
        Path part = record.partFile();
        boolean partPresent = part != null && Files.isRegularFile(part, LinkOption.NOFOLLOW_LINKS);
        if (partPresent) {
            assertEquals(folder.resolve(served.name() + ".part"), part, what + ": partial file name");
            long onDisk = Files.size(part);
            assertTrue(record.bytes() <= onDisk,
                    what + ": the offset is beyond the durable bytes, " + onDisk + " on disk");
            explained.add(part);
        } else if (part != null && !finalFile.equals(record.file())) {
            assertEquals(0, record.bytes(), what + ": bytes recorded for a partial file that does not exist");
        }
        if (record.file() != null) {
            assertEquals(finalFile, record.file(), what + ": moving to another name");
            assertEquals(size, record.bytes(), what + ": the move began before all bytes were recorded");
        }
        if (Files.exists(finalFile, LinkOption.NOFOLLOW_LINKS)) {
            assertEquals(finalFile, record.file(),
                    what + ": a final name for an unfinished transfer whose record does not name it");
            if (partPresent && !Files.isSameFile(part, finalFile)) {
                assertEquals(0, Files.size(finalFile), what + ": the reserved final name has bytes before the move");
            } else {
                // moved, or linked to the partial file whose name goes next: the whole entity, never less
                assertEntity(finalFile, served, what);
            }
            explained.add(finalFile);
        } else {
            assertTrue(record.file() == null || partPresent,
                    what + ": neither the partial file nor the final file exists");
        }
        return partPresent || record.file() != null ? record.bytes() : 0;
    }

    private void assertEntity(Path finalFile, SeededFiles.Served served, String what) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(finalFile, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        assertTrue(attributes.isRegularFile(), what + ": not a regular file");
        assertEquals(served.file().size(), attributes.size(), what + ": size of " + finalFile.getFileName());
        String identity = attributes.fileKey() + "@" + attributes.lastModifiedTime().toMillis();
        if (!identity.equals(verified.get(finalFile))) {
            assertEquals(served.file().sha256(), TransferFixture.sha256(finalFile),
                    what + ": wrong bytes under the final name");
            verified.put(finalFile, identity);
        }
    }
}
