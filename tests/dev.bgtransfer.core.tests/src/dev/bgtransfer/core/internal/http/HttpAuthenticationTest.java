package dev.bgtransfer.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.PasswordAuthentication;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.bgtransfer.core.internal.http.HttpAuthentication.Challenge;

/**
 * Answers to WWW-Authenticate, checked against the worked examples of RFC 7617 (Basic), RFC 7616
 * §3.9.1 and RFC 2617 §3.5 (Digest). The class draws its cnonce at random, so a Digest answer is
 * checked by recomputing its response from the RFC's formula with the cnonce it carries; the
 * formula itself is first checked against the RFCs' published responses.
 */
class HttpAuthenticationTest {
    private static final PasswordAuthentication MUFASA = new PasswordAuthentication("Mufasa",
            "Circle of Life".toCharArray());
    /** RFC 7616 §3.9.1, without its algorithm. */
    private static final String RFC_7616_CHALLENGE = "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", "
            + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
            + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
    private static final Pattern ANSWER_PARAMETER = Pattern.compile("(\\w+)=(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "MD5|Circle of Life|http-auth@example.org|7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v|00000001|f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ|8ca523f5e9506fed4657c9700eebdbec",
            "SHA-256|Circle of Life|http-auth@example.org|7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v|00000001|f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ|753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
            "MD5|Circle Of Life|testrealm@host.com|dcd98b7102dd2f0e8b11d0f600bfb0c093|00000001|0a4f113b|6629fae49393a05397450978507c4ef1" })
    void theFormulaGivesThePublishedResponses(String algorithm, String password, String realm, String nonce,
            String nc, String cnonce, String published) {
        Map<String, String> answer = Map.of("username", "Mufasa", "realm", realm, "nonce", nonce, "uri",
                "/dir/index.html", "qop", "auth", "nc", nc, "cnonce", cnonce);
        assertEquals(published, expectedResponse(algorithm, password, answer));
    }

    @ParameterizedTest
    @ValueSource(strings = { "MD5", "SHA-256" })
    void digestAnswersRfc7616(String algorithm) {
        Challenge challenge = choose(RFC_7616_CHALLENGE + ", algorithm=" + algorithm);

        Map<String, String> answer = answer(new HttpAuthentication(MUFASA).authorize(challenge, "/dir/index.html"));

        assertEquals("Mufasa", answer.get("username"));
        assertEquals("http-auth@example.org", answer.get("realm"));
        assertEquals("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", answer.get("nonce"));
        assertEquals("/dir/index.html", answer.get("uri"));
        assertEquals(algorithm, answer.get("algorithm"));
        assertEquals("auth", answer.get("qop"));
        assertEquals("00000001", answer.get("nc"));
        assertEquals("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", answer.get("opaque"));
        assertTrue(answer.get("cnonce").length() >= 16, answer.get("cnonce"));
        assertEquals(expectedResponse(algorithm, "Circle of Life", answer), answer.get("response"));
    }

    @Test
    void digestWithoutAnAlgorithmIsMd5() {
        Challenge challenge = choose(RFC_7616_CHALLENGE);

        Map<String, String> answer = answer(new HttpAuthentication(MUFASA).authorize(challenge, "/dir/index.html"));

        assertEquals("MD5", answer.get("algorithm"));
        assertEquals(expectedResponse("MD5", "Circle of Life", answer), answer.get("response"));
    }

    @Test
    void digestWithoutQopIsRfc2069() {
        Challenge challenge = choose("Digest realm=\"r\", nonce=\"n0\", algorithm=SHA-256");

        String header = new HttpAuthentication(MUFASA).authorize(challenge, "/a?b=c");
        Map<String, String> answer = answer(header);

        assertFalse(answer.containsKey("qop") || answer.containsKey("nc") || answer.containsKey("cnonce")
                || answer.containsKey("opaque"), header);
        assertEquals(expectedResponse("SHA-256", "Circle of Life", answer), answer.get("response"));
    }

    @Test
    void onlyAuthIntIsAnsweredWithoutQop() {
        Challenge challenge = choose("Digest realm=\"r\", nonce=\"n0\", qop=\"auth-int\"");

        Map<String, String> answer = answer(new HttpAuthentication(MUFASA).authorize(challenge, "/"));

        assertFalse(answer.containsKey("qop"));
        assertEquals(expectedResponse("MD5", "Circle of Life", answer), answer.get("response"));
    }

    @Test
    void theNonceCountGoesUpAndEachAnswerHasItsOwnCnonce() {
        HttpAuthentication authentication = new HttpAuthentication(MUFASA);
        Challenge challenge = choose(RFC_7616_CHALLENGE);

        Map<String, String> first = answer(authentication.authorize(challenge, "/dir/index.html"));
        Map<String, String> second = answer(authentication.authorize(challenge, "/dir/index.html"));

        assertEquals("00000001", first.get("nc"));
        assertEquals("00000002", second.get("nc"));
        assertNotEquals(first.get("cnonce"), second.get("cnonce"));
        assertEquals(expectedResponse("MD5", "Circle of Life", second), second.get("response"));
        assertNotEquals(first.get("response"), second.get("response"));
    }

    @Test
    void aNewNonceCountsFromOne() {
        HttpAuthentication authentication = new HttpAuthentication(MUFASA);
        authentication.authorize(choose(RFC_7616_CHALLENGE), "/dir/index.html");
        authentication.authorize(choose(RFC_7616_CHALLENGE), "/dir/index.html");

        Map<String, String> answer = answer(authentication.authorize(
                choose("Digest realm=\"http-auth@example.org\", qop=\"auth\", nonce=\"fresh\", stale=true"), "/dir/index.html"));

        assertEquals("fresh", answer.get("nonce"));
        assertEquals("00000001", answer.get("nc"), "RFC 7616 §3.4: the count of requests sent with this nonce");
    }

    @Test
    void quotesAndBackslashesAreEscapedBothWays() {
        PasswordAuthentication odd = new PasswordAuthentication("a\"b\\c", "pw".toCharArray());
        Challenge challenge = choose("Digest realm=\"say \\\"hi\\\" \\\\ there\", nonce=\"n\\,1\", opaque=\"o\\\"p\"");
        assertEquals("say \"hi\" \\ there", challenge.parameters().get("realm"));
        assertEquals("n,1", challenge.parameters().get("nonce"));

        String header = new HttpAuthentication(odd).authorize(challenge, "/");
        Map<String, String> answer = answer(header);

        assertTrue(header.contains("username=\"a\\\"b\\\\c\""), header);
        assertEquals("a\"b\\c", answer.get("username"));
        assertEquals("say \"hi\" \\ there", answer.get("realm"));
        assertEquals("o\"p", answer.get("opaque"));
        assertEquals(expectedResponse("MD5", "pw", answer), answer.get("response"));
    }

    @Test
    void basicIsRfc7617() {
        assertEquals("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
                HttpAuthentication.basic(new PasswordAuthentication("Aladdin", "open sesame".toCharArray())));
        assertEquals("Basic dGVzdDoxMjPCow==",
                HttpAuthentication.basic(new PasswordAuthentication("test", "123\u00a3".toCharArray())));
        assertEquals("Basic dGVzdDoxMjPCow==", new HttpAuthentication(new PasswordAuthentication("test",
                "123\u00a3".toCharArray())).authorize(choose("Basic realm=\"x\""), "/ignored"));
    }

    @Test
    void digestIsPreferredToBasicInEitherOrder() {
        String basic = "Basic realm=\"b\"";
        String digest = "Digest realm=\"d\", nonce=\"n\"";
        assertEquals("digest", HttpAuthentication.choose(List.of(basic, digest)).orElseThrow().scheme());
        assertEquals("digest", HttpAuthentication.choose(List.of(digest, basic)).orElseThrow().scheme());
        assertEquals("basic", HttpAuthentication.choose(List.of(basic)).orElseThrow().scheme());
    }

    @Test
    void severalChallengesInOneHeaderAreTakenApart() {
        Challenge digestLast = choose("Basic realm=\"b\", Digest realm=\"d, e\", nonce=\"n\", qop=\"auth\"");
        assertEquals("digest", digestLast.scheme());
        assertEquals(Map.of("realm", "d, e", "nonce", "n", "qop", "auth"), digestLast.parameters());

        Challenge digestFirst = choose("Digest realm=\"d\", nonce=\"n\", Basic realm=\"b\"");
        assertEquals(Map.of("realm", "d", "nonce", "n"), digestFirst.parameters());

        Challenge basic = choose("Negotiate abc==, Basic realm = \"b\", charset=\"UTF-8\"");
        assertEquals("basic", basic.scheme());
        assertEquals(Map.of("realm", "b", "charset", "UTF-8"), basic.parameters());
    }

    @ParameterizedTest
    @ValueSource(strings = { "Digest realm=\"d\"", "Digest realm=\"d\", nonce=\"n\", algorithm=SHA-512-256",
            "Digest realm=\"d\", nonce=\"n\", algorithm=MD5-sess", "Digest" })
    void aDigestChallengeThatCannotBeAnsweredGivesWayToBasic(String digest) {
        assertEquals("basic", HttpAuthentication.choose(List.of(digest, "Basic realm=\"b\"")).orElseThrow().scheme());
        assertEquals(Optional.empty(), HttpAuthentication.choose(List.of(digest)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Negotiate", "NTLM", "Bearer realm=\"api\"", "", "   ", "Basically realm=\"x\"",
            "DigestX realm=\"d\", nonce=\"n\"" })
    void unsupportedOrMalformedChallengesAreNotAnswered(String header) {
        assertEquals(Optional.empty(), HttpAuthentication.choose(List.of(header)));
    }

    @Test
    void noChallengeIsNotAnswered() {
        assertEquals(Optional.empty(), HttpAuthentication.choose(List.of()));
    }

    @Test
    void schemesAndParameterNamesIgnoreCase() {
        Challenge challenge = choose("  DIGEST Realm=\"r\", NONCE=abc, Algorithm=sha-256, QOP=auth  ");
        assertEquals("digest", challenge.scheme());
        assertEquals(Map.of("realm", "r", "nonce", "abc", "algorithm", "sha-256", "qop", "auth"),
                challenge.parameters());
        assertEquals("SHA-256", answer(new HttpAuthentication(MUFASA).authorize(challenge, "/")).get("algorithm"));
        assertEquals("basic", choose("bAsIc").scheme());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "stale=true|true", "stale=TRUE|true", "stale=\"true\"|true",
            "stale=false|false", "stale=yes|false", "opaque=\"stale=true\"|false", "realm=\"r\"|false" })
    void stale(String parameter, boolean stale) {
        assertEquals(stale, choose("Digest nonce=\"n\", " + parameter).isStale());
    }

    private static Challenge choose(String wwwAuthenticate) {
        return HttpAuthentication.choose(List.of(wwwAuthenticate)).orElseThrow();
    }

    /** @return the parameters of an Authorization header's Digest answer, unquoted */
    private static Map<String, String> answer(String authorization) {
        assertTrue(authorization.startsWith("Digest "), authorization);
        Map<String, String> parameters = new HashMap<>();
        Matcher matcher = ANSWER_PARAMETER.matcher(authorization.substring("Digest ".length()));
        while (matcher.find()) {
            String value = matcher.group(2) != null ? matcher.group(2).replaceAll("\\\\(.)", "$1") : matcher.group(3);
            assertEquals(null, parameters.put(matcher.group(1), value), "twice: " + matcher.group(1));
        }
        return parameters;
    }

    /** RFC 7616 §3.4.1, with qop=auth; RFC 2069's form without it. */
    private static String expectedResponse(String algorithm, String password, Map<String, String> answer) {
        String ha1 = hex(algorithm, answer.get("username") + ":" + answer.get("realm") + ":" + password);
        String ha2 = hex(algorithm, "GET:" + answer.get("uri"));
        String nonce = answer.get("nonce");
        return hex(algorithm, answer.containsKey("qop")
                ? String.join(":", ha1, nonce, answer.get("nc"), answer.get("cnonce"), answer.get("qop"), ha2)
                : String.join(":", ha1, nonce, ha2));
    }

    private static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException missing) {
            throw new AssertionError(missing);
        }
    }
}
