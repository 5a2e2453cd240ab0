package dev.bgtransfer.core;

import java.net.URI;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What to download and where to put it.
 *
 * @param url               an absolute {@code http} or {@code https} URL without credentials
 * @param title             a name to show; empty to use the file's name
 * @param destinationFolder the folder the file ends up in
 * @param expectedSha256    the lower-case hex SHA-256 the bytes must have, if known
 */
public record TransferRequest(URI url, String title, Path destinationFolder, Optional<String> expectedSha256) {

    public TransferRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(destinationFolder, "destinationFolder");
        title = title == null ? "" : title.strip();
        expectedSha256 = Objects.requireNonNullElse(expectedSha256, Optional.<String>empty())
                .map(TransferRequest::normalizeSha256);
        checkUrl(url);
        destinationFolder = destinationFolder.toAbsolutePath().normalize();
    }

    /**
     * @param url               what to download
     * @param destinationFolder where to put it
     * @return a request with no title and no expected checksum
     */
    public static TransferRequest of(URI url, Path destinationFolder) {
        return new TransferRequest(url, "", destinationFolder, Optional.empty());
    }

    /** @return a copy with the given title */
    public TransferRequest withTitle(String newTitle) {
        return new TransferRequest(url, newTitle, destinationFolder, expectedSha256);
    }

    /** @return a copy that must match the given SHA-256 (64 hex digits) */
    public TransferRequest withExpectedSha256(String sha256) {
        return new TransferRequest(url, title, destinationFolder, Optional.of(sha256));
    }

    private static void checkUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Only http and https URLs can be downloaded, not: " + url);
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("The URL has no host: " + url);
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Credentials in the URL are not accepted: " + url.getHost());
        }
    }

    private static String normalizeSha256(String hex) {
        String value = hex.strip().toLowerCase(Locale.ROOT);
        if (value.length() != 64 || !value.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("A SHA-256 has 64 hexadecimal digits, not: " + hex);
        }
        return value;
    }
}
