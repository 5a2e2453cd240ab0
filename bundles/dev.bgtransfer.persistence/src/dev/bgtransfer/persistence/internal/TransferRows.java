package dev.bgtransfer.persistence.internal;

import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import dev.bgtransfer.core.Resumability;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.spi.TransferRecord;

/** Maps a {@link TransferRecord} onto a row of the {@code transfers} table and back. */
final class TransferRows {

    /** In the order {@link #bind} sets the parameters. */
    private static final List<String> COLUMNS = List.of("id", "url", "title", "folder", "file_name", "part_file",
            "file", "state", "bytes", "total", "etag", "last_modified", "expected_sha256", "sha256", "failure_kind",
            "failure_message", "created_ms", "updated_ms", "finished_ms", "resume_url", "session", "upload_method",
            "upload_resumable", "upload_resource", "source_size", "source_modified", "source_sha256", "slices",
            "chunks", "resumability", "mirrors");

    static final String UPSERT = "INSERT INTO transfers (" + String.join(", ", COLUMNS) + ") VALUES ("
            + COLUMNS.stream().map(column -> "?").collect(Collectors.joining(", ")) + ") ON CONFLICT(id) DO UPDATE SET "
            + COLUMNS.stream().skip(1).map(column -> column + " = excluded." + column)
                    .collect(Collectors.joining(", "));

    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM transfers";
    static final String SELECT_ALL = SELECT + " ORDER BY id";
    static final String SELECT_ONE = SELECT + " WHERE id = ?";
    static final String SELECT_UNFINISHED = SELECT + " WHERE state <> 'COMPLETED' ORDER BY id";
    static final String SELECT_PAGE = SELECT + " WHERE id >= ? ORDER BY id LIMIT ?";
    static final String SELECT_SESSION = SELECT + " WHERE session = ? ORDER BY id";
    static final String SELECT_SESSION_PAGE = SELECT + " WHERE session = ? AND id >= ? ORDER BY id LIMIT ?";
    static final String SELECT_IDS = "SELECT id FROM transfers ORDER BY id";

    private TransferRows() {
    }

    /** Sets every parameter of {@link #UPSERT} from the record. */
    static void bind(PreparedStatement statement, TransferRecord record) throws SQLException {
        TransferFailure failure = record.failure();
        int index = 1;
        statement.setLong(index++, record.id());
        statement.setString(index++, Urls.withoutUserInfo(record.url()).toString());
        statement.setString(index++, record.title());
        statement.setString(index++, record.folder().toString());
        setText(statement, index++, record.fileName());
        setText(statement, index++, pathText(record.partFile()));
        setText(statement, index++, pathText(record.file()));
        statement.setString(index++, record.state().name());
        statement.setLong(index++, record.bytes());
        statement.setLong(index++, record.total());
        setText(statement, index++, record.etag());
        setText(statement, index++, record.lastModified());
        setText(statement, index++, record.expectedSha256());
        setText(statement, index++, record.sha256());
        setText(statement, index++, failure == null ? null : failure.kind().name());
        setText(statement, index++, failure == null ? null : failure.message());
        statement.setLong(index++, record.created().toEpochMilli());
        statement.setLong(index++, record.updated().toEpochMilli());
        if (record.finished() == null) {
            statement.setNull(index++, Types.INTEGER);
        } else {
            statement.setLong(index++, record.finished().toEpochMilli());
        }
        setText(statement, index++, record.resumeUrl() == null ? null
                : Urls.withoutUserInfo(record.resumeUrl()).toString());
        statement.setString(index++, record.session());
        bindUpload(statement, index, record.upload());
        setText(statement, index + 6, SliceText.format(record.slices()));
        setText(statement, index + 7, ChunkText.format(record.chunks()));
        statement.setString(index + 8, record.resumability().name());
        setText(statement, index + 9, Urls.format(record.mirrors()));
    }

    /** Sets the upload's six parameters from {@code index} on: all null for a download. */
    private static void bindUpload(PreparedStatement statement, int index, TransferRecord.Upload upload)
            throws SQLException {
        if (upload == null) {
            for (int i = 0; i < 6; i++) {
                statement.setNull(index + i, Types.VARCHAR);
            }
            return;
        }
        statement.setString(index, upload.method());
        statement.setInt(index + 1, upload.resumable() ? 1 : 0);
        setText(statement, index + 2, upload.resource() == null ? null : upload.resource().toString());
        statement.setLong(index + 3, upload.sourceSize());
        setText(statement, index + 4, upload.sourceModified() == null ? null : upload.sourceModified().toString());
        setText(statement, index + 5, upload.sourceSha256());
    }

    /**
     * @return the record in the current row of a {@link #SELECT_ALL} result (read by position, in
     *         the order of {@link #COLUMNS}: a lookup by name costs a native call per column)
     * @throws IllegalArgumentException when a value cannot be decoded (an unknown state, a bad URL)
     */
    static TransferRecord read(ResultSet row) throws SQLException {
        int index = 1;
        long id = row.getLong(index++);
        URI url = URI.create(row.getString(index++));
        String title = row.getString(index++);
        Path folder = Path.of(row.getString(index++));
        String fileName = row.getString(index++);
        Path partFile = path(row.getString(index++));
        Path file = path(row.getString(index++));
        TransferState state = TransferState.valueOf(row.getString(index++));
        long bytes = row.getLong(index++);
        long total = row.getLong(index++);
        String etag = row.getString(index++);
        String lastModified = row.getString(index++);
        String expectedSha256 = row.getString(index++);
        String sha256 = row.getString(index++);
        String failureKind = row.getString(index++);
        String failureMessage = row.getString(index++);
        Instant created = Instant.ofEpochMilli(row.getLong(index++));
        Instant updated = Instant.ofEpochMilli(row.getLong(index++));
        long finishedMillis = row.getLong(index++);
        Instant finished = row.wasNull() ? null : Instant.ofEpochMilli(finishedMillis);
        URI resumeUrl = uri(row.getString(index++));
        String session = row.getString(index++);
        TransferRecord.Upload upload = readUpload(row, index);
        List<TransferRecord.Slice> slices = SliceText.parse(row.getString(index + 6));
        List<TransferRecord.ChunkHash> chunks = ChunkText.parse(row.getString(index + 7));
        Resumability resumability = resumability(row.getString(index + 8));
        List<URI> mirrors = Urls.parse(row.getString(index + 9));
        TransferFailure failure = failureKind == null ? null
                : new TransferFailure(TransferFailure.Kind.valueOf(failureKind),
                        failureMessage == null ? "" : failureMessage);
        return new TransferRecord(id, url, title, folder, fileName, partFile, file, state, bytes, total, etag,
                lastModified, expectedSha256, sha256, failure, created, updated, finished, resumeUrl, session, upload,
                slices, chunks, resumability, mirrors);
    }

    /** @return the stored constant; none (rows from before migration 11) or one this build does not know: not asked yet */
    private static Resumability resumability(String name) {
        if (name != null) {
            for (Resumability known : Resumability.values()) {
                if (known.name().equals(name)) {
                    return known;
                }
            }
        }
        return Resumability.NOT_ASKED_YET;
    }

    private static TransferRecord.Upload readUpload(ResultSet row, int index) throws SQLException {
        String method = row.getString(index);
        if (method == null) {
            return null;
        }
        String modified = row.getString(index + 4);
        return new TransferRecord.Upload(method, row.getInt(index + 1) != 0, uri(row.getString(index + 2)),
                row.getLong(index + 3), modified == null ? null : Instant.parse(modified), row.getString(index + 5));
    }

    private static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static String pathText(Path path) {
        return path == null ? null : path.toString();
    }

    private static URI uri(String text) {
        return text == null ? null : URI.create(text);
    }

    private static Path path(String text) {
        return text == null ? null : Path.of(text);
    }
}
