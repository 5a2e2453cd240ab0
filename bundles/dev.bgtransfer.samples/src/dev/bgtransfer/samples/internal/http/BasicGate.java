package dev.bgtransfer.samples.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.apache.hc.core5.http.Header;

/** Lets every request through, or only those with the configured HTTP Basic credentials. */
public final class BasicGate {
    /** Lets every request through. */
    public static final BasicGate OPEN = new BasicGate(null);

    private final byte[] expected;

    private BasicGate(byte[] expected) {
        this.expected = expected;
    }

    /** @param userAndPassword {@code USER:PASSWORD}, or {@code null} / blank for no sign-in */
    public static BasicGate of(String userAndPassword) {
        if (userAndPassword == null || userAndPassword.isBlank()) {
            return OPEN;
        }
        return new BasicGate(("Basic " + Base64.getEncoder()
                .encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII));
    }

    /** @param authorization the request's {@code Authorization} header, or {@code null} */
    public boolean admits(Header authorization) {
        return expected == null || authorization != null && MessageDigest.isEqual(expected,
                authorization.getValue().strip().getBytes(StandardCharsets.US_ASCII));
    }
}
