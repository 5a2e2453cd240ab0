package dev.bgtransfer.persistence.internal;

import java.io.IOException;
import java.nio.file.Files;
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
 * <p>
 * Every open reads the header and the schema, which finds a file that is not a database at all. The
 * full check ({@code PRAGMA quick_check}) reads every page, about 0.7 s per million transfers with
 * the file in the page cache and several seconds without, so it runs only where it is cheap or
 * where damage is likely: on a file below {@value #ALWAYS_CHECKED_BYTES} bytes, and on one whose
 * last user did not close it (its {@code -wal} or {@code -journal} file is still there: a crash, a
 * {@code kill -9}, a power cut, or another process has it open). A clean close removes them.
 */
final class DatabaseConnector {
    private static final int BUSY_TIMEOUT_MILLIS = 5_000;
    /** About 100,000 stored transfers; checking them takes some 70 ms. */
    static final long ALWAYS_CHECKED_BYTES = 32L << 20;

    private DatabaseConnector() {
    }

    /**
     * @throws DamagedDatabaseException when the file is not an SQLite database or is malformed
     * @throws IOException              when the file was written by a newer schema or cannot be opened
     */
    static Connection connect(Path databaseFile) throws IOException {
        boolean fullCheck = needsFullCheck(databaseFile);
        Connection connection = openConnection(databaseFile);
        try {
            prepare(connection, databaseFile, fullCheck);
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

    /** Decided before the connection is opened: opening it creates the {@code -wal} file. */
    static boolean needsFullCheck(Path databaseFile) throws IOException {
        if (!Files.exists(databaseFile) || Files.size(databaseFile) < ALWAYS_CHECKED_BYTES) {
            return true;
        }
        Path folder = databaseFile.getParent();
        String name = databaseFile.getFileName().toString();
        return Files.exists(folder.resolve(name + "-wal")) || Files.exists(folder.resolve(name + "-journal"));
    }

    private static void prepare(Connection connection, Path databaseFile, boolean fullCheck)
            throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            int version = Schema.version(connection); // the first read: a damaged header fails here
            refuseUnknownVersion(version, databaseFile);
            readSchema(statement);
            if (fullCheck) {
                checkIntegrity(statement, databaseFile);
            }
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

    /** Parses the schema, which a damaged first page or schema table fails. */
    private static void readSchema(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery("SELECT count(*) FROM sqlite_schema")) {
            result.next();
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
