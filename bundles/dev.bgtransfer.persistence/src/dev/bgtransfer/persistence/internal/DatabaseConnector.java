package dev.bgtransfer.persistence.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

import org.sqlite.JDBC;
import org.sqlite.SQLiteErrorCode;

/**
 * Opens the one connection of a store: configured, checked and migrated to {@link Schema#LATEST_VERSION}.
 * The driver is called directly because {@code DriverManager} cannot see it across OSGi class loaders.
 */
final class DatabaseConnector {
    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private DatabaseConnector() {
    }

    /**
     * @throws DamagedDatabaseException when the file is not an SQLite database or is malformed
     * @throws IOException              when the file was written by a newer schema or cannot be opened
     */
    static Connection connect(Path databaseFile) throws IOException {
        Connection connection = openConnection(databaseFile);
        try {
            prepare(connection, databaseFile);
            return connection;
        } catch (SQLException failed) {
            closeQuietly(connection);
            throw translate(failed, databaseFile);
        } catch (IOException | RuntimeException failed) {
            closeQuietly(connection);
            throw failed;
        }
    }

    private static Connection openConnection(Path databaseFile) throws IOException {
        try {
            Connection connection = JDBC.createConnection(JDBC.PREFIX + databaseFile, new Properties());
            if (connection == null) {
                throw new IOException("SQLite does not accept the database location " + databaseFile);
            }
            return connection;
        } catch (SQLException failed) {
            throw translate(failed, databaseFile);
        }
    }

    private static void prepare(Connection connection, Path databaseFile) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            int version = Schema.version(connection); // the first read: a damaged header fails here
            refuseUnknownVersion(version, databaseFile);
            checkIntegrity(statement, databaseFile);
            useWriteAheadLog(statement, databaseFile);
            // With WAL, NORMAL syncs only at checkpoints: a power cut may lose the last commits, which
            // the engine re-saves at its next checkpoint anyway, but it cannot corrupt the database.
            statement.executeUpdate("PRAGMA synchronous = NORMAL");
            Schema.migrate(connection, version);
        }
    }

    private static void refuseUnknownVersion(int version, Path databaseFile) throws IOException {
        if (version < 0 || version > Schema.LATEST_VERSION) {
            throw new IOException("The transfer database " + databaseFile + " has schema version " + version
                    + ", but this version of bgtransfer knows versions up to " + Schema.LATEST_VERSION
                    + " only: a newer bgtransfer wrote it. The file was left untouched; use that newer version,"
                    + " or move the file away to start with an empty transfer list.");
        }
    }

    private static void checkIntegrity(Statement statement, Path databaseFile) throws SQLException,
            DamagedDatabaseException {
        try (ResultSet result = statement.executeQuery("PRAGMA quick_check")) {
            String verdict = result.next() ? result.getString(1) : "no answer";
            if (!"ok".equalsIgnoreCase(verdict)) {
                throw new DamagedDatabaseException(
                        "The transfer database " + databaseFile + " is malformed: " + verdict, null);
            }
        }
    }

    private static void useWriteAheadLog(Statement statement, Path databaseFile) throws SQLException {
        try (ResultSet result = statement.executeQuery("PRAGMA journal_mode = WAL")) {
            String mode = result.next() ? result.getString(1) : "unknown";
            if (!"wal".equalsIgnoreCase(mode)) {
                StoreLog.warn("The transfer database " + databaseFile + " runs in journal mode "
                        + mode.toLowerCase(Locale.ROOT) + " because its file system does not support WAL.", null);
            }
        }
    }

    private static IOException translate(SQLException failed, Path databaseFile) {
        int primaryCode = failed.getErrorCode() & 0xff;
        if (primaryCode == SQLiteErrorCode.SQLITE_CORRUPT.code || primaryCode == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return new DamagedDatabaseException(
                    "The transfer database " + databaseFile + " is damaged: " + failed.getMessage(), failed);
        }
        return new IOException("Could not open the transfer database " + databaseFile + ": " + failed.getMessage(),
                failed);
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing was written that a failed close could lose
        }
    }
}
