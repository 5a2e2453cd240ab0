package dev.bgtransfer.core.internal.http;

import java.net.PasswordAuthentication;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a server's {@code WWW-Authenticate} challenge with the credentials a person gave: Digest
 * (RFC 7616, SHA-256 or MD5, qop=auth) when offered, else Basic. Nothing is sent before the server
 * asks, so a password never travels in Basic to a server that would have taken Digest.
 */
final class HttpAuthentication {
    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z0-9_-]+)\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,\\s]*)");
    /** An item of a comma-separated list, quoted strings (which may hold commas) whole. */
    private static final Pattern LIST_ITEM = Pattern.compile("(?:[^,\"]|\"(?:[^\"\\\\]|\\\\.)*+\"?)++");
    /** A list item that begins a challenge: a scheme alone, or followed by white space and no {@code =}. */
    private static final Pattern SCHEME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:\\s++(?!=)|$)");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A challenge this class can answer. */
    record Challenge(String scheme, Map<String, String> parameters) {
        boolean isStale() {
            return "true".equalsIgnoreCase(parameters.getOrDefault("stale", ""));
        }
    }

    private final PasswordAuthentication credentials;
    /** The nonce of the last Digest answer, and how many requests were sent with it. */
    private String lastNonce;
    private int nonceCount;

    HttpAuthentication(PasswordAuthentication credentials) {
        this.credentials = credentials;
    }

    /** @return the best challenge among the header values that can be answered: Digest, then Basic */
    static Optional<Challenge> choose(List<String> wwwAuthenticate) {
        Challenge basic = null;
        for (String challenge : wwwAuthenticate.stream().flatMap(value -> challenges(value).stream()).toList()) {
            int space = challenge.indexOf(' ');
            String scheme = (space < 0 ? challenge : challenge.substring(0, space)).toLowerCase(Locale.ROOT);
            Map<String, String> parameters = parameters(space < 0 ? "" : challenge.substring(space + 1));
            if (scheme.equals("digest") && parameters.containsKey("nonce") && digestAlgorithm(parameters) != null) {
                return Optional.of(new Challenge(scheme, parameters));
            }
            if (scheme.equals("basic")) {
                basic = new Challenge(scheme, parameters);
            }
        }
        return Optional.ofNullable(basic);
    }

    /**
     * @return the challenges of one header value: it may hold several, separated by commas like their
     *         parameters (RFC 9110 §11.6.1); a list item that begins with a scheme, not {@code name=}, begins one
     */
    private static List<String> challenges(String value) {
        List<String> challenges = new ArrayList<>();
        Matcher item = LIST_ITEM.matcher(value);
        while (item.find()) {
            String text = item.group().strip();
            if (text.isEmpty()) {
                continue;
            }
            if (challenges.isEmpty() || SCHEME.matcher(text).lookingAt()) {
                challenges.add(text);
            } else {
                challenges.set(challenges.size() - 1, challenges.getLast() + ", " + text);
            }
        }
        return challenges;
    }

    /** @return the Authorization header for a GET of {@code requestTarget} under {@code challenge} */
    String authorize(Challenge challenge, String requestTarget) {
        return challenge.scheme().equals("digest") ? digest(challenge.parameters(), requestTarget) : basic(credentials);
    }

    /** @return the value of an Authorization (or Proxy-Authorization) header for Basic */
    static String basic(PasswordAuthentication credentials) {
        byte[] pair = utf8(credentials.getUserName(), ":", credentials.getPassword());
        try {
            return "Basic " + Base64.getEncoder().encodeToString(pair);
        } finally {
            Arrays.fill(pair, (byte) 0);
        }
    }

    private synchronized String digest(Map<String, String> challenge, String uri) {
        String algorithm = digestAlgorithm(challenge);
        String realm = challenge.getOrDefault("realm", "");
        String nonce = challenge.get("nonce");
        boolean qopAuth = challenge.containsKey("qop")
                && Arrays.stream(challenge.get("qop").split(",")).anyMatch(qop -> qop.strip().equals("auth"));
        byte[] secret = utf8(credentials.getUserName() + ":" + realm + ":", "", credentials.getPassword());
        String ha1 = hash(algorithm, secret);
        Arrays.fill(secret, (byte) 0);
        String ha2 = hash(algorithm, ("GET:" + uri).getBytes(StandardCharsets.UTF_8));
        if (!nonce.equals(lastNonce)) {
            lastNonce = nonce;
            nonceCount = 0;
        }
        String count = String.format(Locale.ROOT, "%08x", ++nonceCount);
        String cnonce = HexFormat.of().formatHex(randomBytes(16));
        String response = hash(algorithm, (qopAuth ? ha1 + ":" + nonce + ":" + count + ":" + cnonce + ":auth:" + ha2
                : ha1 + ":" + nonce + ":" + ha2).getBytes(StandardCharsets.UTF_8));
        StringBuilder header = new StringBuilder("Digest username=").append(quote(credentials.getUserName()))
                .append(", realm=").append(quote(realm)).append(", nonce=").append(quote(nonce))
                .append(", uri=").append(quote(uri)).append(", algorithm=").append(algorithm)
                .append(", response=").append(quote(response));
        if (qopAuth) {
            header.append(", qop=auth, nc=").append(count).append(", cnonce=").append(quote(cnonce));
        }
        if (challenge.containsKey("opaque")) {
            header.append(", opaque=").append(quote(challenge.get("opaque")));
        }
        return header.toString();
    }

    /** @return SHA-256 or MD5 as the challenge names it (MD5 when it names none), or null when unknown */
    private static String digestAlgorithm(Map<String, String> challenge) {
        String named = challenge.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
        return named.equals("SHA-256") || named.equals("MD5") ? named : null;
    }

    private static Map<String, String> parameters(String text) {
        Map<String, String> parameters = new HashMap<>();
        Matcher matcher = PARAMETER.matcher(text);
        while (matcher.find()) {
            String value = matcher.group(3) != null ? matcher.group(3).replaceAll("\\\\(.)", "$1") : matcher.group(2);
            parameters.put(matcher.group(1).toLowerCase(Locale.ROOT), value);
        }
        return parameters;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String hash(String algorithm, byte[] input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(input));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("The JDK offers no " + algorithm, missing);
        }
    }

    private static byte[] utf8(String prefix, String middle, char[] password) {
        CharBuffer chars = CharBuffer.allocate(prefix.length() + middle.length() + password.length);
        chars.put(prefix).put(middle).put(password).flip();
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(chars);
        Arrays.fill(chars.array(), '\0');
        byte[] result = new byte[bytes.remaining()];
        bytes.get(result);
        return result;
    }

    /** From the generator, not {@code generateSeed}: a seed may wait for the system's entropy. */
    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
