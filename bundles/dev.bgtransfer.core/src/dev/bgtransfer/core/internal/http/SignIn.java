package dev.bgtransfer.core.internal.http;

import java.net.PasswordAuthentication;
import java.util.List;

import dev.bgtransfer.core.RequestHeader;

/**
 * What a person gave a transfer to be let in, kept in memory only: credentials for its origin and
 * request headers.
 *
 * @param credentials the user name and password, or {@code null}
 * @param headers     request headers to send besides the service's own
 */
public record SignIn(PasswordAuthentication credentials, List<RequestHeader> headers) {
    /** Nothing given. */
    public static final SignIn NONE = new SignIn(null, List.of());

    public SignIn {
        headers = headers == null ? List.of() : List.copyOf(headers);
    }
}
