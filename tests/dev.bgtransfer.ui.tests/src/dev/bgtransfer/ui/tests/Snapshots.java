package dev.bgtransfer.ui.tests;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferKind;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;

/** Transfer snapshots as the service hands them out, for the unit tests of what the UI makes of them. */
public final class Snapshots {
    private static final Path FOLDER = Path.of("/tmp/downloads");

    private Snapshots() {
    }

    /** @return transfer {@code id}, titled {@code "file-<id>.bin"}, in {@code state} with these byte counts */
    public static Transfer transfer(long id, TransferState state, long bytesReceived, long totalBytes) {
        return titled(id, "file-" + id + ".bin", state, bytesReceived, totalBytes);
    }

    /** @return download {@code id} titled {@code title}; a completed one has its file */
    public static Transfer titled(long id, String title, TransferState state, long bytesReceived, long totalBytes) {
        Optional<Path> file = state == TransferState.COMPLETED ? Optional.of(FOLDER.resolve(title)) : Optional.empty();
        return snapshot(id, title, TransferKind.DOWNLOAD, file, state, bytesReceived, totalBytes);
    }

    /** @return upload {@code id} of the file {@code title} to {@code https://example.org/title}; its file is there throughout */
    public static Transfer upload(long id, String title, TransferState state, long bytesSent, long totalBytes) {
        Optional<Path> file = Optional.of(FOLDER.resolve(title));
        return snapshot(id, title, TransferKind.UPLOAD, file, state, bytesSent, totalBytes);
    }

    private static Transfer snapshot(long id, String title, TransferKind kind, Optional<Path> file,
            TransferState state, long bytes, long totalBytes) {
        return new Transfer(id, URI.create("https://example.org/" + title), title, FOLDER, file, state, bytes,
                totalBytes, Optional.empty(), Optional.empty(), Optional.empty(), TransferSession.DEFAULT_IDENTIFIER,
                kind);
    }
}
