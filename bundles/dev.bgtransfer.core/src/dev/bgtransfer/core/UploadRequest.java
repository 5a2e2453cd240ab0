package dev.bgtransfer.core;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.internal.RequestMessages;

/**
 * What to upload and where to send it.
 *
 * @param file      the file to send; its size, modification time and SHA-256 are recorded when the
 *                  upload first starts, and a file that changes afterwards fails the upload
 * @param url       an absolute {@code http} or {@code https} URL without credentials
 * @param method    {@code PUT} or {@code POST} (any case; kept upper-case)
 * @param title     a name to show; empty to use the file's name
 * @param resumable whether to offer the server resumption (<i>Resumable Uploads for HTTP</i>): a
 *                  server that takes it up continues an interrupted upload from the offset it
 *                  reports; one that does not gets the whole file again. Off, the file goes in one
 *                  plain request.
 */
public record UploadRequest(Path file, URI url, String method, String title, boolean resumable) {

    /** The method {@link #of(Path, URI)} uses. */
    public static final String PUT = "PUT";

    /** The other method an upload may use. */
    public static final String POST = "POST";

    public UploadRequest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        TransferRequest.checkUrl(url);
        method = method.strip().toUpperCase(Locale.ROOT);
        if (!method.equals(PUT) && !method.equals(POST)) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.uploadMethod, method));
        }
        title = title == null ? "" : title.strip();
        file = file.toAbsolutePath().normalize();
    }

    /** @return a resumable {@code PUT} of {@code file} to {@code url}, with no title */
    public static UploadRequest of(Path file, URI url) {
        return new UploadRequest(file, url, PUT, "", true);
    }

    /** @return a copy that sends with {@code newMethod}, {@code PUT} or {@code POST} */
    public UploadRequest withMethod(String newMethod) {
        return new UploadRequest(file, url, newMethod, title, resumable);
    }

    /** @return a copy with the given title */
    public UploadRequest withTitle(String newTitle) {
        return new UploadRequest(file, url, method, newTitle, resumable);
    }

    /** @return a copy that offers the server resumption, or sends one plain request */
    public UploadRequest withResumable(boolean offered) {
        return new UploadRequest(file, url, method, title, offered);
    }
}
