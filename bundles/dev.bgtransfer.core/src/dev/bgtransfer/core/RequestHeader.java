package dev.bgtransfer.core;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.internal.RequestMessages;

/**
 * A request header a transfer's requests carry besides the service's own (see
 * {@link TransferService#setHeaders(long, java.util.List)}): an API token, a {@code Referer}, a
 * {@code User-Agent} a server insists on. Headers the service sets itself to move bytes safely are
 * refused: {@code Range}, {@code If-Range} and the other conditions, {@code Accept-Encoding} (the bytes
 * are asked for as stored, so that ranges count them), {@code Host}, the framing and connection
 * headers, and the {@code Upload-} headers of resumable uploads.
 *
 * @param name  a header name (an RFC 9110 token)
 * @param value its value: visible characters, spaces and tabs, no line break; leading and trailing
 *              white space is dropped
 */
public record RequestHeader(String name, String value) {
    private static final Set<String> SERVICE_OWNED = Set.of("host", "content-length", "transfer-encoding", "connection",
            "keep-alive", "upgrade", "te", "trailer", "expect", "range", "if-range", "if-match", "if-none-match",
            "if-modified-since", "if-unmodified-since", "accept-encoding", "content-range", "content-encoding",
            "proxy-authorization", "proxy-connection");
    /** Sent only to the origin of the transfer's URL, never after a redirect elsewhere (as curl does). */
    private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie");

    /**
     * @throws IllegalArgumentException with a sentence when the name is no token or one the service
     *                                  sets itself, or the value holds a line break or control character
     */
    public RequestHeader {
        Objects.requireNonNull(name, "name");
        value = Objects.requireNonNull(value, "value").strip();
        if (name.isEmpty() || !name.chars().allMatch(RequestHeader::isTokenCharacter)) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.headerName, name));
        }
        String lowerCase = name.toLowerCase(Locale.ROOT);
        if (SERVICE_OWNED.contains(lowerCase) || lowerCase.startsWith("upload-")) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.headerOwned, name));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException(NLS.bind(RequestMessages.headerValue, name));
            }
        }
    }

    /**
     * @param line {@code Name: value}, as curl's {@code -H} takes it
     * @return the header
     * @throws IllegalArgumentException with a sentence when the line is no header the service takes
     */
    public static RequestHeader parse(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.headerWithoutColon, line));
        }
        return new RequestHeader(line.substring(0, colon).strip(), line.substring(colon + 1));
    }

    /** @return whether the header carries credentials, and so goes only to the origin of the transfer's URL */
    public boolean isCredential() {
        return CREDENTIALS.contains(name.toLowerCase(Locale.ROOT));
    }

    private static boolean isTokenCharacter(int c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }

    @Override
    public String toString() {
        // a value may be a token: it stays out of logs and messages
        return name + ": ...";
    }
}
