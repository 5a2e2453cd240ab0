package dev.bgtransfer.core.spi;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferState;

/**
 * Everything the service keeps about one transfer: what {@link Transfer} shows plus the resume
 * data (validators and the partial file). Nullable components are documented as such.
 *
 * @param id             stable, never reused
 * @param url            the requested URL, never with credentials
 * @param title          the title as requested, may be empty
 * @param folder         the destination folder
 * @param fileName       the file's base name once the server told it, or {@code null}
 * @param partFile       the partial file this service created, or {@code null}
 * @param file           the final file once completed, or {@code null}
 * @param state          the life-cycle state
 * @param bytes          bytes of the entity durable in the partial file (or the whole file)
 * @param total          the entity's length or {@link Transfer#UNKNOWN_SIZE}
 * @param etag           the entity tag of the partial bytes, or {@code null}
 * @param lastModified   the Last-Modified value of the partial bytes, or {@code null}
 * @param expectedSha256 the SHA-256 the bytes must match, or {@code null}
 * @param sha256         the SHA-256 of the completed file, or {@code null}
 * @param failure        why it failed, or {@code null}
 * @param created        when it was added
 * @param updated        when it last changed
 * @param finished       when it completed or failed, or {@code null}
 * @param resumeUrl      where the partial bytes came from after redirects, to resume there; or {@code null}
 * @param session        the identifier of the session the transfer belongs to
 */
public record TransferRecord(long id, URI url, String title, Path folder, String fileName, Path partFile,
        Path file, TransferState state, long bytes, long total, String etag, String lastModified,
        String expectedSha256, String sha256, TransferFailure failure, Instant created, Instant updated,
        Instant finished, URI resumeUrl, String session) {

    public TransferRecord {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(session, "session");
    }

    /** @return a new record of {@code session} in {@link TransferState#CANCELLED} with nothing received */
    public static TransferRecord create(long id, String session, URI url, String title, Path folder,
            String expectedSha256, Instant now) {
        return new TransferRecord(id, url, title, folder, null, null, null, TransferState.CANCELLED, 0,
                Transfer.UNKNOWN_SIZE, null, null, expectedSha256, null, null, now, now, null, null, session);
    }

    /** @return the public snapshot of this record */
    public Transfer toTransfer() {
        String shown = !title.isEmpty() ? title : fileName != null ? fileName : fallbackTitle();
        return new Transfer(id, url, shown, folder, Optional.ofNullable(file), state, bytes, total,
                Optional.ofNullable(sha256), Optional.ofNullable(failure), Optional.empty(), session);
    }

    private String fallbackTitle() {
        String path = url.getPath() == null ? "" : url.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? url.getHost() : last;
    }

    /** @return a copy in {@code newState}; a failure is kept only for {@link TransferState#FAILED} */
    public TransferRecord withState(TransferState newState, TransferFailure newFailure, Instant now) {
        Instant end = newState == TransferState.COMPLETED || newState == TransferState.FAILED ? now : null;
        return new TransferRecord(id, url, title, folder, fileName, partFile, file, newState, bytes, total, etag,
                lastModified, expectedSha256, sha256, newFailure, created, now, end, resumeUrl, session);
    }

    /** @return a copy with the bytes held locally and the entity length */
    public TransferRecord withProgress(long newBytes, long newTotal, Instant now) {
        return new TransferRecord(id, url, title, folder, fileName, partFile, file, state, newBytes, newTotal,
                etag, lastModified, expectedSha256, sha256, failure, created, now, finished, resumeUrl, session);
    }

    /** @return a copy with the validators of the bytes held */
    public TransferRecord withValidators(String newEtag, String newLastModified, Instant now) {
        return new TransferRecord(id, url, title, folder, fileName, partFile, file, state, bytes, total, newEtag,
                newLastModified, expectedSha256, sha256, failure, created, now, finished, resumeUrl, session);
    }

    /** @return a copy with the file's name and partial file (either may be {@code null}) */
    public TransferRecord withPartFile(String newFileName, Path newPartFile, Instant now) {
        return new TransferRecord(id, url, title, folder, newFileName, newPartFile, file, state, bytes, total,
                etag, lastModified, expectedSha256, sha256, failure, created, now, finished, resumeUrl, session);
    }

    /** @return a copy that resumes from {@code from} (the end of the redirects that gave the bytes) */
    public TransferRecord withResumeUrl(URI from, Instant now) {
        return new TransferRecord(id, url, title, folder, fileName, partFile, file, state, bytes, total, etag,
                lastModified, expectedSha256, sha256, failure, created, now, finished, from, session);
    }

    /** @return a copy that names the final file the bytes are being moved to (not yet completed) */
    public TransferRecord withFinalFile(Path finalFile, Instant now) {
        return new TransferRecord(id, url, title, folder, fileName, partFile, finalFile, state, bytes, total, etag,
                lastModified, expectedSha256, sha256, failure, created, now, finished, resumeUrl, session);
    }

    /** @return a copy with no partial bytes, validators or length: the next start is from zero */
    public TransferRecord withoutResumeData(Instant now) {
        return new TransferRecord(id, url, title, folder, fileName, null, null, state, 0, Transfer.UNKNOWN_SIZE,
                null, null, expectedSha256, null, failure, created, now, finished, null, session);
    }

    /** @return a completed copy whose bytes are under {@code finalFile} */
    public TransferRecord completed(Path finalFile, long length, String digest, Instant now) {
        return new TransferRecord(id, url, title, folder, finalFile.getFileName().toString(), null, finalFile,
                TransferState.COMPLETED, length, length, etag, lastModified, expectedSha256, digest, null, created,
                now, now, resumeUrl, session);
    }

    /** @return whether the partial bytes may be resumed: there are some and a validator to check */
    public boolean isResumable() {
        return partFile != null && bytes > 0 && (etag != null || lastModified != null);
    }
}
