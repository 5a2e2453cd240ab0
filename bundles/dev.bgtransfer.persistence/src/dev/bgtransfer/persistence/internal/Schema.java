package dev.bgtransfer.persistence.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The database layout, versioned with {@code PRAGMA user_version}: migration {@code n} takes a
 * database from version {@code n - 1} to {@code n}. Append new migrations; never edit shipped ones.
 */
final class Schema {

    private static final List<List<String>> MIGRATIONS = List.of(
            // 1: the transfer list and the id sequence, which outlives cleared transfers
            List.of("""
                    CREATE TABLE transfers (
                        id INTEGER PRIMARY KEY,
                        url TEXT NOT NULL,
                        title TEXT NOT NULL,
                        folder TEXT NOT NULL,
                        file_name TEXT,
                        part_file TEXT,
                        file TEXT,
                        state TEXT NOT NULL,
                        bytes INTEGER NOT NULL,
                        total INTEGER NOT NULL,
                        etag TEXT,
                        last_modified TEXT,
                        expected_sha256 TEXT,
                        sha256 TEXT,
                        failure_kind TEXT,
                        failure_message TEXT,
                        created_ms INTEGER NOT NULL,
                        updated_ms INTEGER NOT NULL,
                        finished_ms INTEGER
                    )""", """
                    CREATE TABLE sequence (
                        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                        last_id INTEGER NOT NULL
                    )""", "INSERT INTO sequence (singleton, last_id) VALUES (1, 0)"),
            // 2: where partial bytes that came through redirects are resumed
            List.of("ALTER TABLE transfers ADD COLUMN resume_url TEXT"),
            // 3: the session a transfer belongs to; those from before sessions are the default one's
            List.of("ALTER TABLE transfers ADD COLUMN session TEXT NOT NULL DEFAULT 'default'"),
            // 4: what an upload keeps (the method, the upload resource, the file as recorded); null for downloads
            List.of("ALTER TABLE transfers ADD COLUMN upload_method TEXT",
                    "ALTER TABLE transfers ADD COLUMN upload_resumable INTEGER",
                    "ALTER TABLE transfers ADD COLUMN upload_resource TEXT",
                    "ALTER TABLE transfers ADD COLUMN source_size INTEGER",
                    "ALTER TABLE transfers ADD COLUMN source_modified TEXT",
                    "ALTER TABLE transfers ADD COLUMN source_sha256 TEXT"),
            // 5: a session's transfers without reading every row; the index holds the id too, in order
            List.of("CREATE INDEX transfers_by_session ON transfers (session)"),
            // 6: the configuration of each stored session, so that its transfers run under it after a restart
            List.of("""
                    CREATE TABLE sessions (
                        identifier TEXT PRIMARY KEY,
                        kind TEXT NOT NULL,
                        max_per_host INTEGER NOT NULL,
                        connect_timeout_ms INTEGER NOT NULL,
                        stall_timeout_ms INTEGER NOT NULL,
                        max_redirects INTEGER NOT NULL,
                        max_retries INTEGER NOT NULL,
                        first_retry_delay_ms INTEGER NOT NULL,
                        minimum_speed INTEGER NOT NULL,
                        speed_window_ms INTEGER NOT NULL,
                        max_space_wait_ms INTEGER,
                        announces_all_finished INTEGER NOT NULL,
                        download_folder TEXT
                    ) WITHOUT ROWID"""),
            // 7: a long history read only where asked for: the unfinished at start-up from an index that holds
            // only them; every id (the view's rows) from a covering index of ids, 1/30 of the table's pages
            List.of("CREATE INDEX transfers_unfinished ON transfers (id) WHERE state <> 'COMPLETED'",
                    "CREATE INDEX transfers_ids ON transfers (id)"),
            // 8: the slices of a download fetched over several connections, each with its durable bytes (see SliceText)
            List.of("ALTER TABLE transfers ADD COLUMN slices TEXT"),
            // 9: each transfer's diagnostic timeline, a row per entry (see TimelineRows), deleted with the transfer
            List.of("""
                    CREATE TABLE IF NOT EXISTS timeline (
                        transfer_id INTEGER NOT NULL,
                        sequence INTEGER NOT NULL,
                        time TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        facts TEXT NOT NULL,
                        PRIMARY KEY (transfer_id, sequence)
                    ) WITHOUT ROWID"""),
            // 10: the hashes that prove a partial file's bytes on a resume, each chunk's end and hash (see ChunkText)
            List.of("ALTER TABLE transfers ADD COLUMN chunks TEXT"),
            // 11: what the server showed of resumability (Resumability's constant name, null: not asked yet), and
            // the sessions that take only resumable transfers
            List.of("ALTER TABLE transfers ADD COLUMN resumability TEXT",
                    "ALTER TABLE sessions ADD COLUMN only_resumable INTEGER NOT NULL DEFAULT 0"),
            // 12: the limit a person set for one transfer, bytes per
            // second; a table of its own, as few transfers have one. IF NOT EXISTS: it makes no difference in
            // which order the migrations of one release were put
            List.of("CREATE TABLE IF NOT EXISTS rate_limits (id INTEGER PRIMARY KEY, bytes_per_second INTEGER NOT NULL)"),
            // 13: other URLs of a download's entity, one a line, null when none (see Urls.format)
            List.of("ALTER TABLE transfers ADD COLUMN mirrors TEXT"));

    /** The newest version this code knows. */
    static final int LATEST_VERSION = MIGRATIONS.size();

    private Schema() {
    }

    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA user_version")) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    /** Applies every migration after {@code currentVersion}, each in its own transaction. */
    static void migrate(Connection connection, int currentVersion) throws SQLException {
        migrate(connection, currentVersion, LATEST_VERSION);
    }

    /**
     * Applies the migrations after {@code currentVersion} up to {@code targetVersion}, each in its own
     * transaction: the database as the release of {@code targetVersion} left it.
     */
    static void migrate(Connection connection, int currentVersion, int targetVersion) throws SQLException {
        for (int version = currentVersion + 1; version <= targetVersion; version++) {
            apply(connection, version, MIGRATIONS.get(version - 1));
        }
    }

    private static void apply(Connection connection, int version, List<String> statements) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
            // the header field is written inside the transaction: a failed migration leaves no trace
            statement.executeUpdate("PRAGMA user_version = " + version);
            connection.commit();
        } catch (SQLException failed) {
            connection.rollback();
            throw failed;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
