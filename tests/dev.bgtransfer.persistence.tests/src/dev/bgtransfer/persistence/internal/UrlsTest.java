package dev.bgtransfer.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What is left of a URL before it is stored: everything but the user name and password. */
class UrlsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://user:secret@example.org/f|https://example.org/f",
            "https://user@example.org:8443/a%20b/c?q=1%262&r#part%201|https://example.org:8443/a%20b/c?q=1%262&r#part%201",
            "http://us%40er:p%3Ass@[::1]:8080/|http://[::1]:8080/",
            "https://a@b:c@example.org/two-signs|https://example.org/two-signs",
            "https://user:secret@example.org|https://example.org" })
    void userInfoIsDroppedAndEverythingElseKeptAsWritten(String url, String stored) {
        assertEquals(stored, Urls.withoutUserInfo(URI.create(url)).toString());
    }

    @Test
    void aUrlWithoutUserInfoIsKeptAsItIs() {
        URI plain = URI.create("https://example.org/a%20b?x=1#y");
        assertSame(plain, Urls.withoutUserInfo(plain));
    }
}
