package dev.bgtransfer.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.PasswordAuthentication;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.internal.timeline.Timeline;

/** Who gets credentials and how often, on 401 responses built in memory. */
class OriginAuthenticationTest {
    private static final URI ORIGIN = URI.create("http://files.example:8080/dir/file.iso");
    private static final PasswordAuthentication USER = new PasswordAuthentication("user", "secret".toCharArray());
    private static final String DIGEST = "Digest realm=\"r\", nonce=\"n1\", qop=\"auth\"";
    private static final String STALE_DIGEST = "Digest realm=\"r\", nonce=\"n2\", qop=\"auth\", stale=true";

    private final OriginAuthentication signIn = new OriginAuthentication(ORIGIN, USER);

    @Test
    void nothingIsSentBeforeTheServerAsks() {
        assertEquals(Map.of(), headersFor(signIn, ORIGIN));
    }

    @Test
    void theFirstChallengeIsAnsweredOnceAndOnlyAtTheOrigin() {
        assertTrue(signIn.answer(unauthorized(ORIGIN, "Basic realm=\"r\""), ORIGIN));

        assertEquals(Map.of("Authorization", "Basic dXNlcjpzZWNyZXQ="), headersFor(signIn, ORIGIN));
        assertEquals(Map.of("Authorization", "Basic dXNlcjpzZWNyZXQ="),
                headersFor(signIn, URI.create("HTTP://FILES.example:8080/other?q")));
        assertEquals(Map.of(), headersFor(signIn, URI.create("http://files.example/dir/file.iso")));
        assertEquals(Map.of(), headersFor(signIn, URI.create("https://files.example:8080/dir/file.iso")));
        assertEquals(Map.of(), headersFor(signIn, URI.create("http://mirror.example:8080/dir/file.iso")));
        assertFalse(signIn.answer(unauthorized(ORIGIN, "Basic realm=\"r\""), ORIGIN), "refused: not sent again");
        assertEquals("files.example did not accept the user name and password.",
                refusal(signIn, "Basic realm=\"r\"", ORIGIN));
    }

    @Test
    void theDigestAnswerNamesTheRequestTarget() {
        signIn.answer(unauthorized(ORIGIN, DIGEST), ORIGIN);

        String authorization = headersFor(signIn, URI.create("http://files.example:8080/a%20b?x=1")).get("Authorization");

        assertTrue(authorization.startsWith("Digest username=\"user\", realm=\"r\", nonce=\"n1\", uri=\"/a%20b?x=1\""),
                authorization);
    }

    @Test
    void aStaleNonceIsAnsweredOnceMore() {
        assertTrue(signIn.answer(unauthorized(ORIGIN, DIGEST), ORIGIN));

        assertTrue(signIn.answer(unauthorized(ORIGIN, STALE_DIGEST), ORIGIN));
        assertTrue(headersFor(signIn, ORIGIN).get("Authorization").contains("nonce=\"n2\""));
        assertFalse(signIn.answer(unauthorized(ORIGIN, STALE_DIGEST), ORIGIN), "a second stale is a refusal");
        assertFalse(signIn.answer(unauthorized(ORIGIN, DIGEST), ORIGIN));
    }

    @Test
    void aStaleNonceOnTheFirstChallengeIsJustTheFirstAnswer() {
        assertTrue(signIn.answer(unauthorized(ORIGIN, STALE_DIGEST), ORIGIN));
        assertTrue(signIn.answer(unauthorized(ORIGIN, STALE_DIGEST), ORIGIN));
        assertFalse(signIn.answer(unauthorized(ORIGIN, STALE_DIGEST), ORIGIN));
    }

    @Test
    void anotherOriginIsNeverAnswered() {
        URI elsewhere = URI.create("http://mirror.example:8080/dir/file.iso");

        assertFalse(signIn.answer(unauthorized(elsewhere, "Basic realm=\"r\""), elsewhere));

        assertEquals(Map.of(), headersFor(signIn, elsewhere));
        assertEquals(Map.of(), headersFor(signIn, ORIGIN), "the other origin's challenge is not the origin's");
        assertEquals("mirror.example asks for a user name and password.",
                refusal(signIn, "Basic realm=\"r\"", elsewhere));
    }

    @Test
    void withoutCredentialsNothingIsAnswered() {
        OriginAuthentication anonymous = new OriginAuthentication(ORIGIN, SignIn.NONE, Timeline.NONE);

        assertFalse(anonymous.answer(unauthorized(ORIGIN, DIGEST), ORIGIN));

        assertEquals(Map.of(), headersFor(anonymous, ORIGIN));
        assertEquals("files.example asks for a user name and password.", refusal(anonymous, DIGEST, ORIGIN));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Negotiate", "Bearer realm=\"api\"", "Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512" })
    void anUnsupportedChallengeIsNotAnswered(String challenge) {
        assertFalse(signIn.answer(unauthorized(ORIGIN, challenge), ORIGIN));

        assertEquals(Map.of(), headersFor(signIn, ORIGIN));
        assertEquals("files.example asks for a kind of sign-in that bgtransfer does not support (only Basic and Digest).",
                refusal(signIn, challenge, ORIGIN));
    }

    @Test
    void aResponseWithoutAChallengeIsNotAnswered() {
        assertFalse(signIn.answer(unauthorized(ORIGIN), ORIGIN));
        assertEquals(Map.of(), headersFor(signIn, ORIGIN));
    }

    @Test
    void theBestOfSeveralChallengesIsAnswered() {
        assertTrue(signIn.answer(unauthorized(ORIGIN, "Basic realm=\"r\"", DIGEST), ORIGIN));
        assertTrue(headersFor(signIn, ORIGIN).get("Authorization").startsWith("Digest "));
    }

    private static String refusal(OriginAuthentication authentication, String challenge, URI target) {
        TransferFailure failure = authentication.refusal(unauthorized(target, challenge), target).failure();
        assertEquals(TransferFailure.Kind.CREDENTIALS, failure.kind());
        return failure.message();
    }

    private static Map<String, String> headersFor(OriginAuthentication authentication, URI target) {
        Map<String, String> headers = new HashMap<>();
        authentication.authorize(target, headers);
        return headers;
    }

    private static Exchange unauthorized(URI url, String... challenges) {
        BasicClassicHttpResponse response = new BasicClassicHttpResponse(401);
        for (String challenge : challenges) {
            response.addHeader("WWW-Authenticate", challenge);
        }
        return new Exchange(url, response, new ConnectionAbort());
    }
}
