package dev.bgtransfer.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.internal.RequestMessages;
import dev.bgtransfer.core.internal.download.FileNames;

/**
 * What to download and where to put it.
 *
 * @param url               an absolute {@code http} or {@code https} URL without credentials
 * @param title             a name to show; empty to use the file's name
 * @param destinationFolder the folder the file ends up in
 * @param expectedSha256    the lower-case hex SHA-256 the bytes must have, if known
 * @param fileName          the name the file gets in the destination folder instead of the one the
 *                          server or the URL gives, if the requester chose one (a name, not a path;
 *                          should a file of that name be there already, the file gets the next free
 *                          name, {@code name (1).ext}, as any download does)
 * @param mirrors           other URLs of the same file (see {@link #withMirrors}); empty when there are none
 */
public record TransferRequest(URI url, String title, Path destinationFolder, Optional<String> expectedSha256,
        Optional<String> fileName, List<URI> mirrors) {

    /** The most mirrors a request may name besides its URL. */
    public static final int MAX_MIRRORS = 16;

    /**
     * The longest URL accepted, in characters: RFC 9110 asks every party to support 8000, and common
     * servers refuse longer request lines, so a longer URL would only fail later and less clearly.
     */
    public static final int MAX_URL_LENGTH = 8000;

    /** RFC 3986's scheme, up to its colon. */
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

    public TransferRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(destinationFolder, "destinationFolder");
        title = title == null ? "" : title.strip();
        expectedSha256 = Objects.requireNonNullElse(expectedSha256, Optional.<String>empty())
                .map(TransferRequest::normalizeSha256);
        checkUrl(url);
        destinationFolder = destinationFolder.toAbsolutePath().normalize();
        fileName = Objects.requireNonNullElse(fileName, Optional.<String>empty());
        fileName.ifPresent(TransferRequest::checkFileName);
        mirrors = checkMirrors(url, mirrors);
    }

    /** A request without mirrors. */
    public TransferRequest(URI url, String title, Path destinationFolder, Optional<String> expectedSha256,
            Optional<String> fileName) {
        this(url, title, destinationFolder, expectedSha256, fileName, List.of());
    }

    /** A request whose file is named by the server or the URL. */
    public TransferRequest(URI url, String title, Path destinationFolder, Optional<String> expectedSha256) {
        this(url, title, destinationFolder, expectedSha256, Optional.empty());
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
        return new TransferRequest(url, newTitle, destinationFolder, expectedSha256, fileName, mirrors);
    }

    /**
     * @param name the file's name in the destination folder: a name, not a path
     * @return a copy whose file gets {@code name}
     * @throws IllegalArgumentException with a sentence when {@code name} is no name the service takes:
     *                                  one with a {@code /}, {@code \}, control character or one of
     *                                  {@code : * ? " < > |}, one that begins or ends with a dot or white
     *                                  space, ends in {@code .part}, names a Windows device or is longer
     *                                  than 200 bytes
     */
    public TransferRequest withFileName(String name) {
        return new TransferRequest(url, title, destinationFolder, expectedSha256, Optional.of(name), mirrors);
    }

    /** @return a copy that must match the given SHA-256 (64 hex digits) */
    public TransferRequest withExpectedSha256(String sha256) {
        return new TransferRequest(url, title, destinationFolder, Optional.of(sha256), fileName, mirrors);
    }

    /**
     * Names other URLs that serve the same file, for example the same release on other download
     * servers. The service fetches from {@link #url()} first; when it fails (after the sign-in and
     * the {@link UrlRefresher}s had their turn) it goes on at the next mirror at once, without
     * waiting to retry, and only after every URL failed once does it wait as it would for one; while
     * it fetches over several connections, the further ones go to the mirrors, and a URL whose
     * connections bring well under a quarter of the speed of another's is left for the faster one.
     * The bytes held are kept across a switch when the mirror serves the same entity: the same length
     * and Last-Modified date (the same strong ETag where there is no date), checked by If-Range as a
     * resume is; a mirror that serves another entity starts the file again from zero, as a changed
     * file does. Each mirror is checked as {@link #parseUrl(String)} checks a URL; one given twice, or
     * the request's own URL, counts once.
     *
     * @param urls at most {@value #MAX_MIRRORS} other URLs of the same file, in the order to try them
     * @return a copy with these mirrors, in place of any it had
     * @throws IllegalArgumentException with a sentence when one is no URL a request may have, or there are
     *                                  more than {@value #MAX_MIRRORS}
     */
    public TransferRequest withMirrors(List<URI> urls) {
        return new TransferRequest(url, title, destinationFolder, expectedSha256, fileName, urls);
    }

    private static List<URI> checkMirrors(URI url, List<URI> mirrors) {
        if (mirrors == null || mirrors.isEmpty()) {
            return List.of();
        }
        List<URI> distinct = new ArrayList<>();
        for (URI mirror : mirrors) {
            Objects.requireNonNull(mirror, "mirror");
            try {
                checkUrl(mirror);
            } catch (IllegalArgumentException unusable) {
                throw new IllegalArgumentException(NLS.bind(RequestMessages.mirrorUnusable, mirror,
                        unusable.getMessage()));
            }
            if (!mirror.equals(url) && !distinct.contains(mirror)) {
                distinct.add(mirror);
            }
        }
        if (distinct.size() > MAX_MIRRORS) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.mirrorsTooMany, distinct.size(), MAX_MIRRORS));
        }
        return List.copyOf(distinct);
    }

    private static void checkFileName(String name) {
        if (!FileNames.isUsableAsIs(name)) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.fileNameUnusable, name));
        }
    }

    /**
     * Reads a URL as a person typed or pasted it. Surrounding white space is dropped; anything else
     * that is not a plain absolute {@code http} or {@code https} URL is refused with a sentence, never
     * repaired by guessing: a control character or a space inside is refused (a careful tool does not
     * decide which address was meant), and so are other schemes, credentials in the URL and URLs longer
     * than {@link #MAX_URL_LENGTH}.
     *
     * @param typed the URL as typed
     * @return the URL, valid for a request
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static URI parseUrl(String typed) {
        String text = Objects.requireNonNull(typed, "typed").strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(RequestMessages.urlEmpty);
        }
        checkLength(text.length());
        checkScheme(SCHEME.matcher(text).lookingAt() ? text.substring(0, text.indexOf(':')) : null);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(NLS.bind(RequestMessages.urlControlCharacter, i + 1));
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw new IllegalArgumentException(NLS.bind(RequestMessages.urlSpace, i + 1));
            }
        }
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException malformed) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.urlMalformed, malformed.getReason()));
        }
        checkUrl(url);
        return url;
    }

    /** Refuses a URL no request may have: the rules of {@link #parseUrl(String)}. */
    static void checkUrl(URI url) {
        checkLength(url.toString().length());
        checkScheme(url.getScheme());
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException(RequestMessages.urlNoHost);
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.urlCredentials, url.getHost()));
        }
    }

    /** Checked first: for text that is no http(s) URL at all, that is the useful thing to say. */
    private static void checkScheme(String scheme) {
        if (scheme == null) {
            throw new IllegalArgumentException(RequestMessages.urlNoScheme);
        }
        String lowerCase = scheme.toLowerCase(Locale.ROOT);
        if (!lowerCase.equals("http") && !lowerCase.equals("https")) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.urlScheme, lowerCase));
        }
    }

    private static void checkLength(int length) {
        if (length > MAX_URL_LENGTH) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.urlTooLong, length, MAX_URL_LENGTH));
        }
    }

    private static String normalizeSha256(String hex) {
        String value = hex.strip().toLowerCase(Locale.ROOT);
        if (value.length() != 64 || !value.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.sha256Invalid, hex));
        }
        return value;
    }
}
