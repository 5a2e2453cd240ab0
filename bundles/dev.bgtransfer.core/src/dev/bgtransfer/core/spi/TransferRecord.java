package dev.bgtransfer.core.spi;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.bgtransfer.core.Resumability;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferKind;
import dev.bgtransfer.core.TransferState;

/**
 * Everything the service keeps about one transfer: what {@link Transfer} shows plus the resume
 * data (validators and the partial file). Nullable components are documented as such.
 *
 * @param id             stable, never reused
 * @param url            the requested URL, never with credentials
 * @param title          the title as requested, may be empty
 * @param folder         the destination folder
 * @param fileName       the file's base name: as the requester chose it, or once the server told it; else {@code null}
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
 * @param upload         what an upload keeps besides, or {@code null} for a download. An upload's
 *                       {@code file} is the file it sends (never deleted by the service), its
 *                       {@code folder} that file's folder, {@code bytes} what the server holds,
 *                       {@code total} the file's size; it has no partial file or validators.
 * @param slices         the parts of the entity a download fetches over several connections at once
 *                       (see {@link Slice}), in the order of their starts, with what of each is durable
 *                       in the partial file; {@code null} when it is fetched over one connection (its
 *                       durable bytes are then the first {@code bytes} of the entity). {@code bytes} is
 *                       the sum of the slices' durable bytes either way.
 * @param chunks         hashes that prove the partial file's bytes on a resume (see {@link ChunkHash}), in
 *                       the order of their ends; their ends may pass {@code bytes} (bytes hashed after the
 *                       last checkpoint). {@code null} when none were recorded.
 * @param resumability   whether an interruption keeps the bytes, as the server's answers showed; never
 *                       {@code null} ({@code null} given is {@link Resumability#NOT_ASKED_YET}). It is
 *                       about the server, so it outlives a stop and a restart from zero (a new URL is
 *                       another server: {@link #withUrl} forgets it).
 */
public record TransferRecord(long id, URI url, String title, Path folder, String fileName, Path partFile,
        Path file, TransferState state, long bytes, long total, String etag, String lastModified,
        String expectedSha256, String sha256, TransferFailure failure, Instant created, Instant updated,
        Instant finished, URI resumeUrl, String session, Upload upload, List<Slice> slices,
        List<ChunkHash> chunks, Resumability resumability, List<URI> mirrors) {

    public TransferRecord {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(session, "session");
        slices = slices == null ? null : List.copyOf(slices);
        chunks = chunks == null ? null : List.copyOf(chunks);
        resumability = resumability == null ? Resumability.NOT_ASKED_YET : resumability;
        mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
    }

    /** A record without mirrors (see {@link #mirrors}): as written before they were kept. */
    public TransferRecord(long id, URI url, String title, Path folder, String fileName, Path partFile,
            Path file, TransferState state, long bytes, long total, String etag, String lastModified,
            String expectedSha256, String sha256, TransferFailure failure, Instant created, Instant updated,
            Instant finished, URI resumeUrl, String session, Upload upload, List<Slice> slices,
            List<ChunkHash> chunks, Resumability resumability) {
        this(id, url, title, folder, fileName, partFile, file, state, bytes, total, etag, lastModified,
                expectedSha256, sha256, failure, created, updated, finished, resumeUrl, session, upload, slices, chunks,
                resumability, List.of());
    }

    /**
     * A record without chunk hashes (see {@link #chunks}) whose resumability is not known yet
     * ({@link Resumability#NOT_ASKED_YET}): as written before either was kept.
     */
    public TransferRecord(long id, URI url, String title, Path folder, String fileName, Path partFile,
            Path file, TransferState state, long bytes, long total, String etag, String lastModified,
            String expectedSha256, String sha256, TransferFailure failure, Instant created, Instant updated,
            Instant finished, URI resumeUrl, String session, Upload upload, List<Slice> slices) {
        this(id, url, title, folder, fileName, partFile, file, state, bytes, total, etag, lastModified,
                expectedSha256, sha256, failure, created, updated, finished, resumeUrl, session, upload, slices, null, null);
    }

    /** A record of a transfer fetched over one connection at a time: {@code slices} is {@code null}. */
    public TransferRecord(long id, URI url, String title, Path folder, String fileName, Path partFile,
            Path file, TransferState state, long bytes, long total, String etag, String lastModified,
            String expectedSha256, String sha256, TransferFailure failure, Instant created, Instant updated,
            Instant finished, URI resumeUrl, String session, Upload upload) {
        this(id, url, title, folder, fileName, partFile, file, state, bytes, total, etag, lastModified,
                expectedSha256, sha256, failure, created, updated, finished, resumeUrl, session, upload, null);
    }

    /** @return a new record of {@code session} in {@link TransferState#CANCELLED} with nothing received */
    public static TransferRecord create(long id, String session, URI url, String title, Path folder,
            String expectedSha256, Instant now) {
        return new TransferRecord(id, url, title, folder, null, null, null, TransferState.CANCELLED, 0,
                Transfer.UNKNOWN_SIZE, null, null, expectedSha256, null, null, now, now, null, null, session, null);
    }

    /**
     * @param sourceSize the file's size as it is now, or {@link Transfer#UNKNOWN_SIZE}
     * @return a new upload of {@code source} to {@code url}, of {@code session}, in
     *         {@link TransferState#CANCELLED} with nothing sent
     */
    public static TransferRecord createUpload(long id, String session, Path source, URI url, String method,
            boolean resumable, String title, long sourceSize, Instant now) {
        return new TransferRecord(id, url, title, source.getParent(), source.getFileName().toString(), null, source,
                TransferState.CANCELLED, 0, sourceSize, null, null, null, null, null, now, now, null, null, session,
                Upload.fresh(method, resumable), null, null,
                resumable ? Resumability.NOT_ASKED_YET : Resumability.UPLOAD_NOT_OFFERED, List.of());
    }

    /**
     * What an upload keeps to continue after a pause, a restart or a crash: the upload resource the
     * server named, and the file as it was when the upload started (to refuse one that changed).
     *
     * @param method         {@code PUT} or {@code POST}
     * @param resumable      whether the server is offered resumption
     * @param resource       the upload resource the server named, or {@code null}
     * @param sourceSize     the file's size when it was recorded, or {@link Transfer#UNKNOWN_SIZE} before
     * @param sourceModified the file's modification time when it was recorded, or {@code null} before
     * @param sourceSha256   the file's SHA-256 when it was recorded, or {@code null} before
     */
    public record Upload(String method, boolean resumable, URI resource, long sourceSize, Instant sourceModified,
            String sourceSha256) {

        public Upload {
            Objects.requireNonNull(method, "method");
        }

        /** @return an upload that has not started: nothing recorded, no upload resource */
        public static Upload fresh(String method, boolean resumable) {
            return new Upload(method, resumable, null, Transfer.UNKNOWN_SIZE, null, null);
        }

        /** @return whether the file was recorded by an earlier start */
        public boolean isRecorded() {
            return sourceSha256 != null;
        }

        /** @return a copy with the file as recorded now */
        public Upload recorded(long size, Instant modified, String sha256) {
            return new Upload(method, resumable, resource, size, modified, sha256);
        }

        /** @return a copy with the upload resource the server named, or none */
        public Upload withResource(URI newResource) {
            return new Upload(method, resumable, newResource, sourceSize, sourceModified, sourceSha256);
        }
    }

    /**
     * One part of the entity that a connection of a segmented download fetches into the partial file
     * at its own offset: bytes {@code start} (inclusive) to {@code end} (exclusive), of which the first
     * {@code durable} are on disk for good. A resume asks for {@code start + durable} to {@code end}.
     */
    public record Slice(long start, long end, long durable) {

        public Slice {
            if (start < 0 || end < start || durable < 0 || durable > end - start) {
                throw new IllegalArgumentException(
                        "Not a slice: " + start + "-" + end + " with " + durable + " durable");
            }
        }

        /** @return whether every byte of the slice is durable */
        public boolean isDone() {
            return start + durable == end;
        }
    }

    /** @return a copy fetched in {@code newSlices} (or over one connection, {@code null}), with their durable bytes */
    public TransferRecord withSlices(List<Slice> newSlices, Instant now) {
        long durable = newSlices == null ? bytes : newSlices.stream().mapToLong(Slice::durable).sum();
        return new TransferRecord(id, url, title, folder, fileName, partFile, file, state, durable, total, etag,
                lastModified, expectedSha256, sha256, failure, created, now, finished, resumeUrl, session, upload,
                newSlices, chunks, resumability, mirrors);
    }

    /** @return a copy with {@code newChunks} as the hashes that prove the partial file's bytes, or none */
    public TransferRecord withChunks(List<ChunkHash> newChunks) {
        return new TransferRecord(id, url, title, folder, fileName, partFile, file, state, bytes, total, etag,
                lastModified, expectedSha256, sha256, failure, created, updated, finished, resumeUrl, session, upload,
                slices, newChunks, resumability, mirrors);
    }

    /** @return the public snapshot of this record */
    public Transfer toTransfer() {
        String shown = !title.isEmpty() ? title : fileName != null ? fileName : fallbackTitle();
        return new Transfer(id, url, shown, folder, Optional.ofNullable(file), state, bytes, total,
                Optional.ofNullable(sha256), Optional.ofNullable(failure), Optional.empty(), session,
                upload != null ? TransferKind.UPLOAD : TransferKind.DOWNLOAD, resumability, mirrors);
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
                lastModified, expectedSha256, sha256, newFailure, created, now, end, resumeUrl, session, upload,
                slices, chunks, resumability, mirrors);
    }

    /** @return a copy with the bytes held locally and the entity length */
    public TransferRecord withProgress(long newBytes, long newTotal, Instant now) {
        return new TransferRecord(id, url, title, folder, fileName, partFile, file, state, newBytes, newTotal,
                etag, lastModified, expectedSha256, sha256, failure, created, now, finished, resumeUrl, session,
                upload, slices, chunks, resumability, mirrors);
    }

    /** @return a copy with the validators of the bytes held */
    public TransferRecord withValidators(String newEtag, String newLastModified, Instant now) {
        return new TransferRecord(id, url, title, folder, fileName, partFile, file, state, bytes, total, newEtag,
                newLastModified, expectedSha256, sha256, failure, created, now, finished, resumeUrl, session, upload,
                slices, chunks, resumability, mirrors);
    }

    /** @return a copy with the file's name and partial file (either may be {@code null}) */
    public TransferRecord withPartFile(String newFileName, Path newPartFile, Instant now) {
        return new TransferRecord(id, url, title, folder, newFileName, newPartFile, file, state, bytes, total,
                etag, lastModified, expectedSha256, sha256, failure, created, now, finished, resumeUrl, session,
                upload, slices, chunks, resumability, mirrors);
    }

    /** @return a copy that resumes from {@code from} (the end of the redirects that gave the bytes) */
    public TransferRecord withResumeUrl(URI from, Instant now) {
        return new TransferRecord(id, url, title, folder, fileName, partFile, file, state, bytes, total, etag,
                lastModified, expectedSha256, sha256, failure, created, now, finished, from, session, upload, slices,
                chunks, resumability, mirrors);
    }

    /** @return a copy that names the final file the bytes are being moved to (not yet completed) */
    public TransferRecord withFinalFile(Path finalFile, Instant now) {
        return new TransferRecord(id, url, title, folder, fileName, partFile, finalFile, state, bytes, total, etag,
                lastModified, expectedSha256, sha256, failure, created, now, finished, resumeUrl, session, upload,
                slices, chunks, resumability, mirrors);
    }

    /**
     * @return a copy with no partial bytes, validators or length: the next start is from zero. An
     *         upload keeps its file and forgets its upload resource and what it recorded of the file.
     */
    public TransferRecord withoutResumeData(Instant now) {
        if (upload != null) {
            return new TransferRecord(id, url, title, folder, fileName, null, file, state, 0, total, null, null, null,
                    null, failure, created, now, finished, null, session, Upload.fresh(upload.method(), upload.resumable()), null,
                    null, resumability, mirrors);
        }
        return new TransferRecord(id, url, title, folder, fileName, null, null, state, 0, Transfer.UNKNOWN_SIZE,
                null, null, expectedSha256, null, failure, created, now, finished, null, session, upload, null, null,
                resumability, mirrors);
    }

    /** @return a completed copy whose bytes are under {@code finalFile} */
    public TransferRecord completed(Path finalFile, long length, String digest, Instant now) {
        return new TransferRecord(id, url, title, folder, finalFile.getFileName().toString(), null, finalFile,
                TransferState.COMPLETED, length, length, etag, lastModified, expectedSha256, digest, null, created,
                now, now, resumeUrl, session, upload, null, null, resumability, mirrors);
    }

    /** @return a copy of this upload with {@code newUpload} and the bytes the server holds */
    public TransferRecord withUpload(Upload newUpload, long sent, Instant now) {
        return new TransferRecord(id, url, title, folder, fileName, partFile, file, state, sent,
                newUpload.isRecorded() ? newUpload.sourceSize() : total, etag, lastModified, expectedSha256, sha256,
                failure, created, now, finished, resumeUrl, session, newUpload, slices, chunks, resumability, mirrors);
    }

    /** @return a completed copy of this upload, whose file had {@code digest} */
    public TransferRecord uploaded(long length, String digest, Instant now) {
        return new TransferRecord(id, url, title, folder, fileName, null, file, TransferState.COMPLETED, length, length,
                null, null, expectedSha256, digest, null, created, now, now, resumeUrl, session,
                upload.withResource(null), null, null, resumability, mirrors);
    }

    /** @return a copy with what the server's answers showed of resumability */
    public TransferRecord withResumability(Resumability newResumability, Instant now) {
        return new TransferRecord(id, url, title, folder, fileName, partFile, file, state, bytes, total, etag,
                lastModified, expectedSha256, sha256, failure, created, now, finished, resumeUrl, session, upload,
                slices, chunks, newResumability, mirrors);
    }

    /**
     * @return a copy that is fetched from {@code newUrl} from now on, its bytes, validators and chunk
     *         hashes kept (a resume checks them against what the new URL serves); the old URL's redirect
     *         target and what its server showed of resumability are forgotten, and so is {@code newUrl} as
     *         a mirror
     */
    public TransferRecord withUrl(URI newUrl, Instant now) {
        return new TransferRecord(id, newUrl, title, folder, fileName, partFile, file, state, bytes, total, etag,
                lastModified, expectedSha256, sha256, failure, created, now, finished, null, session, upload, slices,
                chunks, null, mirrors.stream().filter(mirror -> !mirror.equals(newUrl)).toList());
    }

    /**
     * @return a copy fetched from {@code mirror}, one of its {@link #mirrors}, from now on, with the URL
     *         it leaves last among the mirrors; bytes, validators and chunk hashes kept as by {@link #withUrl}
     */
    public TransferRecord switchedTo(URI mirror, Instant now) {
        List<URI> others = new ArrayList<>(mirrors);
        if (!others.remove(mirror)) {
            throw new IllegalArgumentException("Not a mirror of transfer " + id + ": " + mirror);
        }
        others.add(url);
        return withUrl(mirror, now).withMirrors(others);
    }

    /** @return a copy with {@code newMirrors} as the other URLs of its entity (the transfer's URL left out) */
    public TransferRecord withMirrors(List<URI> newMirrors) {
        List<URI> others = newMirrors.stream().filter(mirror -> !mirror.equals(url)).distinct().toList();
        return new TransferRecord(id, url, title, folder, fileName, partFile, file, state, bytes, total, etag,
                lastModified, expectedSha256, sha256, failure, created, updated, finished, resumeUrl, session, upload,
                slices, chunks, resumability, others);
    }

    /** @return whether this is an upload (see {@link #upload()}) */
    public boolean isUpload() {
        return upload != null;
    }

    /** @return the file the service wrote for this transfer, to delete with it; {@code null} for an upload */
    public Path writtenFile() {
        return upload == null ? file : null;
    }

    /**
     * @return whether the partial bytes may be resumed: there are some and a validator If-Range may name
     *         (a strong ETag or Last-Modified; never a weak ETag, RFC 9110 13.1.5)
     */
    public boolean isResumable() {
        return partFile != null && bytes > 0 && hasIfRangeValidator();
    }

    /** @return whether the bytes have a validator If-Range may name: a strong ETag or Last-Modified */
    public boolean hasIfRangeValidator() {
        return etag != null && etag.startsWith("\"") || lastModified != null;
    }

    /**
     * What proves the entity's bytes {@code start} (inclusive) to {@code end} (exclusive) in the
     * partial file: their SHA-256, cut to its first 128 bits (hex), taken while they were written.
     * Hashes of one {@code start} form a chain (every few MiB of the entity, and where a checkpoint
     * or a pause left the bytes), so one read from {@code start} checks them all and the first that
     * does not match names the first damaged chunk. {@code start} is 0 for the bytes from the
     * entity's start (a resume reads them anyway, for the whole file's SHA-256), else where a
     * connection of a download in slices began to write.
     */
    public record ChunkHash(long start, long end, String sha256) {

        public ChunkHash {
            Objects.requireNonNull(sha256, "sha256");
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("Not a chunk: " + start + "-" + end);
            }
        }
    }
}
