package dev.bgtransfer.persistence.internal;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.TransferOptions;

/** Maps a session's {@link SessionConfiguration} onto a row of the {@code sessions} table and back. */
final class SessionRows {

    /** In the order {@link #bind} sets the parameters. */
    private static final List<String> COLUMNS = List.of("identifier", "kind", "max_per_host", "connect_timeout_ms",
            "stall_timeout_ms", "max_redirects", "max_retries", "first_retry_delay_ms", "minimum_speed",
            "speed_window_ms", "max_space_wait_ms", "announces_all_finished", "download_folder", "only_resumable");

    static final String UPSERT = "INSERT OR REPLACE INTO sessions (" + String.join(", ", COLUMNS) + ") VALUES ("
            + COLUMNS.stream().map(column -> "?").collect(Collectors.joining(", ")) + ")";
    static final String SELECT_ALL = "SELECT " + String.join(", ", COLUMNS) + " FROM sessions";
    static final String DELETE = "DELETE FROM sessions WHERE identifier = ?";

    private SessionRows() {
    }

    /** Sets every parameter of {@link #UPSERT}. */
    static void bind(PreparedStatement statement, String identifier, SessionConfiguration configuration)
            throws SQLException {
        TransferOptions options = configuration.options();
        int index = 1;
        statement.setString(index++, identifier);
        statement.setString(index++, configuration.kind().name());
        statement.setInt(index++, options.maxConnectionsPerHost());
        statement.setLong(index++, options.connectTimeout().toMillis());
        statement.setLong(index++, options.stallTimeout().toMillis());
        statement.setInt(index++, options.maxRedirects());
        statement.setInt(index++, options.maxRetries());
        statement.setLong(index++, options.firstRetryDelay().toMillis());
        statement.setLong(index++, options.minimumSpeed());
        statement.setLong(index++, options.speedWindow().toMillis());
        if (options.maxSpaceWait().isPresent()) {
            statement.setLong(index++, options.maxSpaceWait().get().toMillis());
        } else {
            statement.setNull(index++, Types.INTEGER);
        }
        statement.setInt(index++, configuration.announcesAllFinished() ? 1 : 0);
        statement.setString(index++, configuration.downloadFolder().map(Path::toString).orElse(null));
        statement.setInt(index, options.onlyResumable() ? 1 : 0);
    }

    /** @return the identifier of the session in the current row of a {@link #SELECT_ALL} result */
    static String identifier(ResultSet row) throws SQLException {
        return row.getString(1);
    }

    /**
     * @return the configuration in the current row of a {@link #SELECT_ALL} result
     * @throws IllegalArgumentException when a value cannot be decoded (an unknown kind, options out of range)
     */
    static SessionConfiguration read(ResultSet row) throws SQLException {
        int index = 2;
        SessionKind kind = SessionKind.valueOf(row.getString(index++));
        int maxPerHost = row.getInt(index++);
        Duration connectTimeout = Duration.ofMillis(row.getLong(index++));
        Duration stallTimeout = Duration.ofMillis(row.getLong(index++));
        int maxRedirects = row.getInt(index++);
        int maxRetries = row.getInt(index++);
        Duration firstRetryDelay = Duration.ofMillis(row.getLong(index++));
        long minimumSpeed = row.getLong(index++);
        Duration speedWindow = Duration.ofMillis(row.getLong(index++));
        long spaceWaitMillis = row.getLong(index++);
        Optional<Duration> maxSpaceWait = row.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(spaceWaitMillis));
        boolean announces = row.getInt(index++) != 0;
        String folder = row.getString(index++);
        boolean onlyResumable = row.getInt(index) != 0;
        TransferOptions options = new TransferOptions(maxPerHost, connectTimeout, stallTimeout, maxRedirects,
                maxRetries, firstRetryDelay, minimumSpeed, speedWindow, maxSpaceWait, onlyResumable);
        return new SessionConfiguration(kind, options, announces, Optional.ofNullable(folder).map(Path::of));
    }
}
