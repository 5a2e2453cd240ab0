package dev.bgtransfer.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;

import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.bgtransfer.core.TransferFailure;

/** Which statuses are redirects, and where one transfer's redirects may lead. */
class RedirectsTest {
    private static final URI START = URI.create("https://a.example/dir/file");

    @ParameterizedTest
    @CsvSource({ "301,true", "302,true", "303,true", "307,true", "308,true", "300,false", "304,false", "305,false",
            "306,false", "200,false", "206,false", "309,false", "401,false" })
    void redirectStatuses(int status, boolean redirect) {
        assertEquals(redirect, Redirects.isRedirect(status));
    }

    @Test
    void aRelativeLocationIsResolvedAgainstTheAnsweringUrl() throws TransferException {
        Redirects redirects = new Redirects(START, 10, START);
        assertEquals(URI.create("https://a.example/other/file"), redirects.follow(redirect(START, " ../other/./file ")));
        assertEquals(URI.create("https://b.example/x"),
                redirects.follow(redirect(URI.create("https://a.example/other/file"), "//b.example/x")));
    }

    @Test
    void noMoreThanTheLimit() throws TransferException {
        Redirects redirects = new Redirects(START, 2, START);
        redirects.follow(redirect(START, "/1"));
        redirects.follow(redirect(START, "/2"));
        assertEquals("Gave up after 2 redirects from https://a.example/dir/file.", refused(redirects, START, "/3"));
    }

    @Test
    void aLoopIsRefusedButStartingOverForgetsThePlacesVisited() throws TransferException {
        Redirects redirects = new Redirects(START, 10, START);
        URI next = redirects.follow(redirect(START, "/next"));
        assertEquals("The redirects from https://a.example/dir/file go round in a loop.",
                refused(redirects, next, "/dir/file"));

        redirects.startOver(START);
        assertEquals(next, redirects.follow(redirect(START, "/next")));
    }

    @Test
    void secureToPlainHttpIsRefused() {
        assertEquals("The secure address https://a.example/dir/file redirects to the insecure http://a.example/dir/file;"
                + " bgtransfer does not follow it.", refused(new Redirects(START, 10, START), START, "http://a.example/dir/file"));
    }

    @Test
    void plainToSecureIsFollowed() throws TransferException {
        URI plain = URI.create("http://a.example/f");
        assertEquals(URI.create("https://a.example/f"),
                new Redirects(plain, 10, plain).follow(redirect(plain, "HTTPS://a.example/f")));
    }

    @Test
    void onlyHttpAndHttpsWithAHost() {
        Redirects redirects = new Redirects(START, 10, START);
        assertEquals("A redirect from https://a.example/dir/file leads to ftp://a.example/f, which cannot be downloaded.",
                refused(redirects, START, "ftp://a.example/f"));
        assertEquals("A redirect from https://a.example/dir/file leads to https:/nohost, which cannot be downloaded.",
                refused(redirects, START, "https:/nohost"));
        assertEquals("A redirect from https://a.example/dir/file leads to http://[bad, which cannot be downloaded.",
                refused(redirects, START, "http://[bad"));
    }

    @Test
    void aRedirectWithoutLocation() {
        assertEquals("The server answered 302 Found for https://a.example/dir/file without saying where to go.",
                refused(new Redirects(START, 10, START), START, " "));
    }

    private static String refused(Redirects redirects, URI from, String location) {
        TransferFailure failure = assertThrows(TransferException.class,
                () -> redirects.follow(redirect(from, location))).failure();
        assertEquals(TransferFailure.Kind.REDIRECT, failure.kind());
        return failure.message();
    }

    private static Exchange redirect(URI from, String location) {
        BasicClassicHttpResponse response = new BasicClassicHttpResponse(302, "Found");
        response.addHeader("Location", location);
        return new Exchange(from, response, new ConnectionAbort());
    }

    @ParameterizedTest
    @CsvSource({ "301,POST,GET", "302,POST,GET", "303,POST,GET", "307,POST,POST", "308,POST,POST", "301,PUT,PUT",
            "302,GET,GET", "303,PUT,GET", "303,HEAD,HEAD", "307,PUT,PUT" })
    void aRedirectKeepsOrTurnsTheMethodAsBrowsersDo(int status, String method, String after) {
        assertEquals(after, Redirects.methodAfter(status, method));
    }
}
