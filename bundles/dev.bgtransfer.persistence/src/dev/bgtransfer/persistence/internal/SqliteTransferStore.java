package dev.bgtransfer.persistence.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.LongStream;

import org.eclipse.osgi.util.NLS;
import org.sqlite.SQLiteErrorCode;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.core.spi.TransferStore;

/**
 * A {@link TransferStore} in an SQLite database file. One connection serves all callers, one at a
 * time; every write is committed when its method returns, {@link #saveAll} in one transaction, with the
 * timeline entries that came meanwhile ({@link #saveAll(List, List)}): a timeline costs no commit of its own. Statements are prepared once (preparing
 * one cost as much as running it) and closed with the connection. A damaged file is moved aside on
 * {@link #open(Path)} and replaced by an empty database, so a broken file never stops the service.
 */
final class SqliteTransferStore implements TransferStore, AutoCloseable {
    /** Ids are reserved in the database this many at a time: one write per block, not per transfer. */
    private static final int ID_BLOCK = 64;
    private static final String RESERVE_IDS = "UPDATE sequence SET last_id = last_id + " + ID_BLOCK
            + " WHERE singleton = 1 RETURNING last_id";

    private final Path databaseFile;
    private final Connection connection;
    private final Path movedAside;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    /** The reserved ids not handed out yet: {@code nextId} up to {@code lastReservedId}. */
    private long nextId = 1;
    private long lastReservedId;
    private boolean closed;
    private long transactions;

    private SqliteTransferStore(Path databaseFile, Connection connection, Path movedAside) {
        this.databaseFile = databaseFile;
        this.connection = connection;
        this.movedAside = movedAside;
    }

    /**
     * Opens the database, creating it and its folders when missing and migrating it to the current
     * schema. A file that is not a readable SQLite database is logged, moved aside (see
     * {@link #movedAside()}) and replaced by an empty database.
     *
     * @param databaseFile the database file
     * @return the open store; close it when done
     * @throws IOException when the folder cannot be created, the file cannot be opened or moved aside,
     *                     or a newer version of bgtransfer wrote it (the file is then left untouched)
     */
    static SqliteTransferStore open(Path databaseFile) throws IOException {
        Path file = databaseFile.toAbsolutePath();
        Files.createDirectories(file.getParent());
        try {
            return new SqliteTransferStore(file, DatabaseConnector.connect(file), null);
        } catch (DamagedDatabaseException damaged) {
            Path movedTo = DatabaseQuarantine.moveAside(file, LocalDateTime.now());
            StoreLog.error(damaged.getMessage() + ". It was moved to " + movedTo
                    + " and bgtransfer starts with an empty transfer list.", damaged);
            // a second failure on the fresh file propagates: no retry loop
            return new SqliteTransferStore(file, DatabaseConnector.connect(file), movedTo);
        }
    }

    /** @return the database file this store writes */
    Path databaseFile() {
        return databaseFile;
    }

    /** @return where {@link #open(Path)} moved a damaged database file, if it did */
    Optional<Path> movedAside() {
        return Optional.ofNullable(movedAside);
    }

    @Override
    public synchronized long nextId() {
        requireOpen();
        if (nextId > lastReservedId) {
            try (ResultSet result = statement(RESERVE_IDS).executeQuery()) {
                if (!result.next()) {
                    throw new SQLException("The id sequence row is missing");
                }
                lastReservedId = result.getLong(1);
                nextId = lastReservedId - ID_BLOCK + 1;
            } catch (SQLException failed) {
                throw failure("hand out a transfer id", failed);
            }
        }
        return nextId++;
    }

    @Override
    public synchronized void save(TransferRecord record) {
        Objects.requireNonNull(record, "record");
        requireOpen();
        try {
            PreparedStatement upsert = statement(TransferRows.UPSERT);
            TransferRows.bind(upsert, record);
            upsert.executeUpdate();
            transactions++;
        } catch (SQLException failed) {
            throw failure("save transfer " + record.id(), failed);
        }
    }

    /** One transaction for all: one commit, and each page they change written to the log once. */
    @Override
    public synchronized void saveAll(List<TransferRecord> records) {
        requireOpen();
        if (records.size() < 2) {
            records.forEach(this::save); // a statement on its own is its own transaction, at less cost
            return;
        }
        inTransaction("save " + records.size() + " transfers", () -> upsert(records));
    }

    private void upsert(List<TransferRecord> records) throws SQLException {
        PreparedStatement upsert = statement(TransferRows.UPSERT);
        for (TransferRecord record : records) {
            TransferRows.bind(upsert, record);
            upsert.executeUpdate();
        }
    }

    /** What a transaction does between its begin and its commit. */
    @FunctionalInterface
    private interface Writes {
        void run() throws SQLException;
    }

    /**
     * Runs {@code writes} in one transaction, all or nothing, counted in {@link #transactions()}.
     *
     * @param action what it does, for the failure's sentence
     */
    private void inTransaction(String action, Writes writes) {
        try {
            // the driver's own transactions (setAutoCommit) cost a statement more per commit
            statement("BEGIN IMMEDIATE").executeUpdate();
            try {
                writes.run();
                statement("COMMIT").executeUpdate();
                transactions++;
            } catch (SQLException failed) {
                rollBack();
                throw failed;
            }
        } catch (SQLException failed) {
            throw failure(action, failed);
        }
    }

    /**
     * Stores the records and appends the timeline entries in one transaction, then trims the
     * timelines that grew past {@link TimelineEntry#MAX_KEPT}.
     */
    @Override
    public synchronized void saveAll(List<TransferRecord> records, List<TimelineEntry> timeline) {
        if (timeline.isEmpty()) {
            saveAll(records);
            return;
        }
        requireOpen();
        // the sentence a person may read names the transfers: the timeline's entries ride along with them
        String action = records.isEmpty() ? "save the transfers' timelines"
                : records.size() == 1 ? "save transfer " + records.getFirst().id()
                : "save " + records.size() + " transfers";
        inTransaction(action, () -> {
            upsert(records);
            append(timeline);
        });
    }

    private void append(List<TimelineEntry> timeline) throws SQLException {
        PreparedStatement insert = statement(TimelineRows.INSERT);
        Map<Long, Long> lastSequence = new HashMap<>();
        for (TimelineEntry entry : timeline) {
            TimelineRows.bind(insert, entry);
            insert.executeUpdate();
            lastSequence.merge(entry.transferId(), entry.sequence(), Math::max);
        }
        PreparedStatement trim = statement(TimelineRows.TRIM);
        for (Map.Entry<Long, Long> grown : lastSequence.entrySet()) {
            if (grown.getValue() > TimelineEntry.MAX_KEPT) {
                trim.setLong(1, grown.getKey());
                trim.setLong(2, grown.getValue());
                trim.executeUpdate();
            }
        }
    }

    @Override
    public void appendTimeline(List<TimelineEntry> entries) {
        saveAll(List.of(), entries);
    }

    @Override
    public synchronized List<TimelineEntry> loadTimeline(long id) {
        requireOpen();
        try {
            PreparedStatement query = statement(TimelineRows.SELECT);
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                List<TimelineEntry> entries = new ArrayList<>();
                while (rows.next()) {
                    try {
                        entries.add(TimelineRows.read(id, rows));
                    } catch (IllegalArgumentException | DateTimeParseException unreadable) {
                        // written by a newer version (a kind this one does not know): the others still show
                    }
                }
                return entries;
            }
        } catch (SQLException failed) {
            throw failure("read the timeline of transfer " + id, failed);
        }
    }

    @Override
    public synchronized long lastTimelineSequence(long id) {
        requireOpen();
        try {
            PreparedStatement query = statement(TimelineRows.LAST);
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException failed) {
            throw failure("read the timeline of transfer " + id, failed);
        }
    }

    /** @return the write transactions committed since the store was opened, ids reserved aside */
    synchronized long transactions() {
        return transactions;
    }

    @Override
    public synchronized void delete(long id) {
        requireOpen();
        inTransaction("delete transfer " + id, () -> {
            PreparedStatement limit = statement("DELETE FROM rate_limits WHERE id = ?");
            limit.setLong(1, id);
            limit.executeUpdate();
            PreparedStatement delete = statement("DELETE FROM transfers WHERE id = ?");
            delete.setLong(1, id);
            delete.executeUpdate();
            PreparedStatement timeline = statement(TimelineRows.DELETE);
            timeline.setLong(1, id);
            timeline.executeUpdate();
        });
    }

    @Override
    public synchronized List<TransferRecord> loadAll() {
        return select("load the transfers", TransferRows.SELECT_ALL);
    }

    @Override
    public synchronized Optional<TransferRecord> load(long id) {
        return select("load transfer " + id, TransferRows.SELECT_ONE, id).stream().findFirst();
    }

    @Override
    public synchronized List<TransferRecord> loadUnfinished() {
        return select("load the unfinished transfers", TransferRows.SELECT_UNFINISHED);
    }

    @Override
    public synchronized List<TransferRecord> loadPage(long fromId, int max) {
        return select("load transfers from " + fromId, TransferRows.SELECT_PAGE, fromId, max);
    }

    @Override
    public synchronized List<TransferRecord> loadSession(String session) {
        return select("load the transfers of session " + session, TransferRows.SELECT_SESSION, session);
    }

    @Override
    public synchronized List<TransferRecord> loadSessionPage(String session, long fromId, int max) {
        return select("load the transfers of session " + session + " from " + fromId, TransferRows.SELECT_SESSION_PAGE,
                session, fromId, max);
    }

    @Override
    public synchronized void saveSession(String identifier, SessionConfiguration configuration) {
        requireOpen();
        try {
            PreparedStatement upsert = statement(SessionRows.UPSERT);
            SessionRows.bind(upsert, identifier, configuration);
            upsert.executeUpdate();
        } catch (SQLException failed) {
            throw failure("save the configuration of session " + identifier, failed);
        }
    }

    @Override
    public synchronized void deleteSession(String identifier) {
        requireOpen();
        try {
            PreparedStatement delete = statement(SessionRows.DELETE);
            delete.setString(1, identifier);
            delete.executeUpdate();
        } catch (SQLException failed) {
            throw failure("forget the configuration of session " + identifier, failed);
        }
    }

    /** A row that cannot be decoded is skipped with a warning: its transfers run under the service's options. */
    @Override
    public synchronized Map<String, SessionConfiguration> loadSessions() {
        requireOpen();
        Map<String, SessionConfiguration> sessions = new HashMap<>();
        try (ResultSet rows = statement(SessionRows.SELECT_ALL).executeQuery()) {
            while (rows.next()) {
                try {
                    sessions.put(SessionRows.identifier(rows), SessionRows.read(rows));
                } catch (IllegalArgumentException unreadable) {
                    StoreLog.warn("Skipped the configuration of session " + SessionRows.identifier(rows) + " of "
                            + databaseFile + " because it cannot be read: " + unreadable.getMessage(), unreadable);
                }
            }
            return sessions;
        } catch (SQLException failed) {
            throw failure("load the session configurations", failed);
        }
    }

    @Override
    public synchronized void saveRateLimit(long id, long bytesPerSecond) {
        requireOpen();
        try {
            PreparedStatement change = statement(bytesPerSecond > 0
                    ? "INSERT OR REPLACE INTO rate_limits (id, bytes_per_second) VALUES (?, ?)"
                    : "DELETE FROM rate_limits WHERE id = ?");
            change.setLong(1, id);
            if (bytesPerSecond > 0) {
                change.setLong(2, bytesPerSecond);
            }
            change.executeUpdate();
        } catch (SQLException failed) {
            throw failure("save the rate limit of transfer " + id, failed);
        }
    }

    @Override
    public synchronized Map<Long, Long> loadRateLimits() {
        requireOpen();
        Map<Long, Long> limits = new HashMap<>();
        try (ResultSet rows = statement("SELECT id, bytes_per_second FROM rate_limits").executeQuery()) {
            while (rows.next()) {
                limits.put(rows.getLong(1), rows.getLong(2));
            }
            return limits;
        } catch (SQLException failed) {
            throw failure("load the rate limits", failed);
        }
    }

    @Override
    public synchronized long[] ids() {
        requireOpen();
        try (ResultSet rows = statement(TransferRows.SELECT_IDS).executeQuery()) {
            LongStream.Builder ids = LongStream.builder();
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
            return ids.build().toArray();
        } catch (SQLException failed) {
            throw failure("list the transfer ids", failed);
        }
    }

    /** @param parameters numbers and strings, bound in order */
    private List<TransferRecord> select(String action, String sql, Object... parameters) {
        requireOpen();
        try {
            PreparedStatement query = statement(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                List<TransferRecord> records = new ArrayList<>();
                while (rows.next()) {
                    readInto(records, rows);
                }
                return records;
            }
        } catch (SQLException failed) {
            throw failure(action, failed);
        }
    }

    @Override
    public synchronized void clear() {
        requireOpen();
        inTransaction("clear the transfers", () -> {
            statement("DELETE FROM rate_limits").executeUpdate();
            statement("DELETE FROM transfers").executeUpdate();
            statement(TimelineRows.CLEAR).executeUpdate();
        });
    }

    /** Closes the connection; later calls of the store fail with {@link IllegalStateException}. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // closing the connection finalizes its statements
            connection.close();
        } catch (SQLException failed) {
            StoreLog.warn("Could not close the transfer database " + databaseFile + ": " + failed.getMessage(),
                    failed);
        }
    }

    private void rollBack() {
        try (Statement rollback = connection.createStatement()) {
            rollback.executeUpdate("ROLLBACK");
        } catch (SQLException alreadyRolledBack) {
            // SQLite rolls back by itself on some failures (a full disk): nothing is left to undo
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException alreadyBroken) {
            // it is dropped either way
        }
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** One row that cannot be decoded must not hide the others. */
    private void readInto(List<TransferRecord> records, ResultSet rows) throws SQLException {
        try {
            records.add(TransferRows.read(rows));
        } catch (IllegalArgumentException unreadable) {
            StoreLog.warn("Skipped transfer " + rows.getLong("id") + " of " + databaseFile
                    + " because it cannot be read: " + unreadable.getMessage(), unreadable);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The transfer database " + databaseFile + " is closed");
        }
    }

    /**
     * @return the failure of {@code action}, as a sentence. The cached statements are dropped: one
     *         whose execution failed (a full disk) stays unusable in sqlite-jdbc ("statement is not
     *         executing"), and the store must work again once there is room.
     */
    private UncheckedIOException failure(String action, SQLException failed) {
        statements.values().forEach(SqliteTransferStore::closeQuietly);
        statements.clear();
        // the primary result code is the low byte of the extended one sqlite-jdbc reports
        String message = (failed.getErrorCode() & 0xff) == SQLiteErrorCode.SQLITE_FULL.code
                ? NLS.bind(Messages.diskFull, action, databaseFile.getParent())
                : NLS.bind(Messages.failed, new Object[] { action, databaseFile, failed.getMessage() });
        return new UncheckedIOException(new IOException(message, failed));
    }
}
