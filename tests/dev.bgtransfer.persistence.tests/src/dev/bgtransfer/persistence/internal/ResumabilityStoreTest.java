package dev.bgtransfer.persistence.internal;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sqlite.JDBC;

import dev.bgtransfer.core.Resumability;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;

/**
 * What the server showed of a transfer's resumability, and a session's "only resumable", are kept in
 * the SQLite store (migration 11): across a reopen of the store and a restart of the service; rows
 * from before it read as not asked yet.
 */
class ResumabilityStoreTest extends ServiceTest {
    private static final String ONLY = "test.only-resumable";

    @AfterEach
    void forgetSession() {
        fixture.service().session(ONLY, SessionConfiguration.of(SessionKind.DEFAULT)).invalidate();
    }

    @Test
    void everyResumabilityAndOnlyResumableSurviveAReopen() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Path database = folder.resolve("transfers.db");
        List<TransferRecord> records = Arrays.stream(Resumability.values())
                .map(resumability -> TransferRecord.create(resumability.ordinal() + 1, TransferSession.DEFAULT_IDENTIFIER,
                        URI.create("https://example.org/" + resumability), "", folder, null, now)
                        .withResumability(resumability, now))
                .toList();
        SessionConfiguration only = SessionConfiguration.of(SessionKind.BACKGROUND)
                .withOptions(TransferOptions.DEFAULTS.withOnlyResumable(true));
        try (SqliteTransferStore store = SqliteTransferStore.open(database)) {
            records.forEach(store::save);
            store.saveSession(ONLY, only);
        }

        try (SqliteTransferStore store = SqliteTransferStore.open(database)) {
            assertEquals(records, store.loadAll());
            assertEquals(Map.of(ONLY, only), store.loadSessions());
        }
    }

    @Test
    void rowsFromBeforeMigrationElevenAreNotAskedYetAndTheirSessionsTakeEveryTransfer() throws Exception {
        Path database = folder.resolve("old.db");
        try (Connection v8 = JDBC.createConnection(JDBC.PREFIX + database, new Properties());
                Statement sql = v8.createStatement()) {
            Schema.migrate(v8, 0, 8);
            sql.executeUpdate("INSERT INTO transfers (id, url, title, folder, state, bytes, total, created_ms,"
                    + " updated_ms, session) VALUES (3, 'https://example.org/3', '', '/tmp', 'PAUSED', 0, -1, 1, 1, 'old')");
            sql.executeUpdate("INSERT INTO sessions (identifier, kind, max_per_host, connect_timeout_ms,"
                    + " stall_timeout_ms, max_redirects, max_retries, first_retry_delay_ms, minimum_speed, speed_window_ms,"
                    + " announces_all_finished) VALUES ('old', 'DEFAULT', 5, 30000, 30000, 10, 5, 1000, 0, 30000, 1)");
        }

        try (SqliteTransferStore store = SqliteTransferStore.open(database)) {
            assertEquals(Resumability.NOT_ASKED_YET, store.loadAll().getFirst().resumability());
            assertEquals(false, store.loadSessions().get("old").options().onlyResumable());
        }
    }

    @Test
    void whatTheServerShowedIsKnownAfterARestartOfTheService() throws Exception {
        TestFile undated = server.addFile("/files/undated.bin", 100_000, 701).withoutValidators(true);
        TestFile dated = server.addFile("/files/dated.bin", 100_000, 702).withoutEtag(true);
        TestFile norange = server.addFile("/files/norange.bin", 100_000, 703).withoutRanges(true);
        TransferSession only = fixture.service().session(ONLY, SessionConfiguration.of(SessionKind.DEFAULT)
                .withOptions(TransferFixture.OPTIONS.withOnlyResumable(true)));
        Transfer first = fixture.service().download(TransferRequest.of(server.uri(undated.path()), folder));
        Transfer second = fixture.service().download(TransferRequest.of(server.uri(dated.path()), folder));
        Transfer refused = only.download(TransferRequest.of(server.uri(norange.path()), folder));
        fixture.awaitState(first.id(), TransferState.COMPLETED);
        fixture.awaitState(second.id(), TransferState.COMPLETED);
        fixture.awaitState(refused.id(), TransferState.FAILED);

        TransferFixture.restartService();

        assertEquals(Resumability.NO_VALIDATOR, fixture.service().get(first.id()).orElseThrow().resumability());
        Transfer again = fixture.service().get(second.id()).orElseThrow();
        assertEquals(Resumability.RANGES_AND_LAST_MODIFIED, again.resumability());
        assertEquals(dated.sha256(), sha256(again.file().orElseThrow()));
        assertEquals(Resumability.NO_RANGES, fixture.service().get(refused.id()).orElseThrow().resumability());

        fixture.service().start(refused.id());
        Transfer refusedAgain = fixture.awaitState(refused.id(), TransferState.FAILED);
        assertEquals("bytes=0-", server.requests(norange.path()).getLast().header("Range").orElseThrow(),
                "the stored session still takes only resumable transfers");
        assertEquals(2, server.requests(norange.path()).size());
        assertEquals(Resumability.NO_RANGES, refusedAgain.resumability());
    }
}
