package dev.bgtransfer.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.spi.TransferRecord;

/** A transfer's bandwidth limit is kept in the SQLite file, read back after a reopen, and forgotten with the transfer. */
class RateLimitRowsTest {
    @TempDir
    Path dir;

    private static TransferRecord record(long id) {
        return TransferRecord.create(id, TransferSession.DEFAULT_IDENTIFIER, URI.create("https://example.org/" + id),
                "title " + id, Path.of("/tmp/downloads"), null, Instant.now());
    }

    @Test
    void aLimitOutlivesAReopenAndGoesWithItsTransfer() throws Exception {
        Path database = dir.resolve("transfers.db");
        try (SqliteTransferStore store = SqliteTransferStore.open(database)) {
            store.save(record(1));
            store.save(record(2));
            store.save(record(3));
            store.saveRateLimit(1, 204_800);
            store.saveRateLimit(2, 1_000_000);
            store.saveRateLimit(2, 500_000);
            store.saveRateLimit(3, 300);
            store.saveRateLimit(3, 0);
        }
        try (SqliteTransferStore reopened = SqliteTransferStore.open(database)) {
            assertEquals(Map.of(1L, 204_800L, 2L, 500_000L), reopened.loadRateLimits(),
                    "the latest of each, none where it was lifted");
            reopened.delete(1);
            assertEquals(Map.of(2L, 500_000L), reopened.loadRateLimits());
            reopened.clear();
            assertEquals(Map.of(), reopened.loadRateLimits());
        }
    }
}
