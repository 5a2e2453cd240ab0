package dev.bgtransfer.core.internal.upload;

/**
 * A finished upload: the server's final answer and what was sent.
 *
 * @param status     the final status, for example 201; 204 when the upload turned out complete on
 *                   asking its offset (the answer of the request that completed it was lost)
 * @param statusText for example "201 Created"
 * @param bytes      the file's size
 * @param sha256     the SHA-256 of the file's bytes, lower-case hex
 */
public record UploadResult(int status, String statusText, long bytes, String sha256) {
}
