package dev.bgtransfer.junit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server side of HTTP Digest (RFC 7616, SHA-256, qop=auth) for the test server. */
final class DigestCheck {
    static final String REALM = "test";
    static final String NONCE = "dcd98b7102dd2f0e8b11d0f600bfb0c093";
    private static final Pattern PARAMETER = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");

    private final String user;
    private final String password;

    DigestCheck(String user, String password) {
        this.user = user;
        this.password = password;
    }

    static String challenge() {
        return "Digest realm=\"" + REALM + "\", qop=\"auth\", algorithm=SHA-256, nonce=\"" + NONCE
                + "\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
    }

    /** @return whether the Authorization header answers the challenge for a GET of {@code path} */
    boolean accepts(String authorization, String path) {
        if (authorization == null || !authorization.startsWith("Digest ")) {
            return false;
        }
        Map<String, String> given = new HashMap<>();
        Matcher matcher = PARAMETER.matcher(authorization.substring(7));
        while (matcher.find()) {
            given.put(matcher.group(1), matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
        }
        if (!user.equals(given.get("username")) || !path.equals(given.get("uri")) || !NONCE.equals(given.get("nonce"))
                || !"auth".equals(given.get("qop"))) {
            return false;
        }
        String ha1 = sha256(user + ":" + REALM + ":" + password);
        String ha2 = sha256("GET:" + path);
        String expected = sha256(ha1 + ":" + NONCE + ":" + given.get("nc") + ":" + given.get("cnonce") + ":auth:" + ha2);
        return expected.equals(given.get("response"));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
    }
}
