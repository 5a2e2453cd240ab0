package dev.bgtransfer.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqlite.JDBC;

import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.spi.TransferRecord;

/** One record onto a row of the {@code transfers} table and back, in an in-memory SQLite database. */
class TransferRowsTest {
    private static final Instant CREATED = Instant.ofEpochMilli(1_700_000_000_000L);

    private Connection connection;

    @BeforeEach
    void createTheTable() throws SQLException {
        connection = JDBC.createConnection(JDBC.PREFIX + ":memory:", new Properties());
        Schema.migrate(connection, Schema.version(connection));
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void credentialsAreDroppedFromTheResumeUrlAsFromTheUrl() throws SQLException {
        TransferRecord record = record(1).withResumeUrl(URI.create("https://u:pw@mirror.example.org/a.iso"), CREATED);

        TransferRecord read = saveAndRead(record);

        assertEquals(URI.create("https://example.org/a.iso"), read.url());
        assertEquals(URI.create("https://mirror.example.org/a.iso"), read.resumeUrl());
        assertFalse(text("SELECT url || resume_url FROM transfers").contains("pw"));
    }

    @Test
    void finishedAtTheEpochIsATimeAndNoneIsNull() throws SQLException {
        TransferRecord unfinished = record(1);
        TransferRecord finished = record(2).completed(Path.of("/tmp/a.iso"), 10, "ab".repeat(32), Instant.EPOCH);

        assertNull(saveAndRead(unfinished).finished());
        assertEquals(Instant.EPOCH, saveAndRead(finished).finished(), "0 ms is a time, not a missing value");
    }

    @Test
    void aFailureStoredWithoutItsMessageReadsWithAnEmptyOne() throws SQLException {
        saveAndRead(record(1));
        update("UPDATE transfers SET state = 'FAILED', failure_kind = 'HTTP_STATUS', failure_message = NULL");

        assertEquals(new TransferFailure(TransferFailure.Kind.HTTP_STATUS, ""), readOne(1).failure());
    }

    @Test
    void aValueThatCannotBeDecodedIsRefusedForTheStoreToSkipTheRow() throws SQLException {
        saveAndRead(record(1));
        saveAndRead(record(2));
        update("UPDATE transfers SET state = 'EXPLODED' WHERE id = 1");
        update("UPDATE transfers SET url = 'not a url' WHERE id = 2");

        assertThrows(IllegalArgumentException.class, () -> readOne(1));
        assertThrows(IllegalArgumentException.class, () -> readOne(2));
    }

    private static TransferRecord record(long id) {
        return TransferRecord.create(id, TransferSession.DEFAULT_IDENTIFIER, URI.create("https://user:secret@example.org/a.iso"), "a.iso",
                Path.of("/tmp"), null, CREATED);
    }

    private TransferRecord saveAndRead(TransferRecord record) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(TransferRows.UPSERT)) {
            TransferRows.bind(upsert, record);
            upsert.executeUpdate();
        }
        return readOne(record.id());
    }

    private TransferRecord readOne(long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(TransferRows.SELECT_ONE)) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return TransferRows.read(row);
            }
        }
    }

    private void update(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private String text(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
