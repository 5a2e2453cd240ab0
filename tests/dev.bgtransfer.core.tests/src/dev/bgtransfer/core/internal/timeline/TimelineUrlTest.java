package dev.bgtransfer.core.internal.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** A URL as the timeline shows it: nothing in it that would let a reader of a bug report fetch the file. */
class TimelineUrlTest {

    @Test
    void aSignedLinksSignatureAndTokenAreHiddenItsDatesKept() {
        URI signed = URI.create("https://bucket.s3.amazonaws.com/a.iso?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIA%2F20261205%2Fus-east-1&X-Amz-Date=20261205T120000Z&X-Amz-Expires=3600"
                + "&X-Amz-Security-Token=FQo123&X-Amz-SignedHeaders=host&X-Amz-Signature=abc123");
        assertEquals("https://bucket.s3.amazonaws.com/a.iso?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=hidden"
                + "&X-Amz-Date=20261205T120000Z&X-Amz-Expires=3600&X-Amz-Security-Token=hidden"
                + "&X-Amz-SignedHeaders=host&X-Amz-Signature=hidden", Timeline.url(signed));
        assertEquals("https://cdn.example/f.bin?Expires=1796428800&Signature=hidden&Key-Pair-Id=K2&Policy=hidden",
                Timeline.url(URI.create("https://cdn.example/f.bin?Expires=1796428800&Signature=s1~&Key-Pair-Id=K2"
                        + "&Policy=p0")));
        assertEquals("https://acct.blob.core.windows.net/c/f?sv=2024-01-01&se=2026-12-06&sig=hidden",
                Timeline.url(URI.create("https://acct.blob.core.windows.net/c/f?sv=2024-01-01&se=2026-12-06&sig=Zx%3D")));
    }

    @Test
    void userInformationGoesAndAnOrdinaryQueryStaysAsItWas() {
        assertEquals("http://h:8080/p%20q?token=hidden&x=1#part",
                Timeline.url(URI.create("http://user:pw@h:8080/p%20q?token=t&x=1#part")));
        String plain = "https://example.org/download?file=a.iso&mirror=3&tokenize=yes&flag";
        assertEquals(plain, Timeline.url(URI.create(plain)));
    }
}
