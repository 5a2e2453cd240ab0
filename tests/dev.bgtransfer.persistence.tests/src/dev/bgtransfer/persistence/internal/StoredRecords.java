package dev.bgtransfer.persistence.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.bgtransfer.core.spi.TransferRecord;

/** What the store of a child process holds, read straight from its file, as a test polls it. */
final class StoredRecords {

    private StoredRecords() {
    }

    /**
     * @param state the child's state folder
     * @return every record of its {@code transfers.db}, also while a process runs on it; none while
     *         the file is missing or busy
     */
    static List<TransferRecord> in(Path state) {
        Path database = state.resolve("transfers.db");
        if (!Files.exists(database)) {
            return List.of();
        }
        try (SqliteTransferStore store = SqliteTransferStore.open(database)) {
            return store.loadAll();
        } catch (IOException | RuntimeException busy) {
            return List.of();
        }
    }
}
