package dev.bgtransfer.core.tests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.PasswordAuthentication;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.DataRequest;
import dev.bgtransfer.core.DataResponse;
import dev.bgtransfer.core.DataTaskException;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TestHosts;
import dev.bgtransfer.junit.TransferFixture;

/** Data tasks through the real service: into memory, with the redirects, sign-in and retries of downloads. */
class DataTaskTest extends ServiceTest {
    private static final PasswordAuthentication ALICE = new PasswordAuthentication("alice", "s3cret!".toCharArray());
    private static final String JSON = "{\"name\":\"Zoë\",\"ok\":\"✓\"}";

    @Test
    void jsonIsReadAsUtf8AndACharsetParameterWins() throws Exception {
        server.addContent("/api/item.json", JSON.getBytes(UTF_8), "application/json");
        server.addContent("/api/latin.txt", "Zoë".getBytes(java.nio.charset.StandardCharsets.UTF_16BE),
                "text/plain; charset=\"UTF-16BE\"");

        DataResponse json = fetch(DataRequest.get(server.uri("/api/item.json")));
        DataResponse text = fetch(DataRequest.get(server.uri("/api/latin.txt")));

        assertEquals(200, json.status());
        assertEquals(JSON, json.text());
        assertEquals("application/json", json.header("content-type").orElseThrow());
        assertEquals("Zoë", text.text());
        assertEquals("GET", server.requests("/api/item.json").getFirst().method());
    }

    @Test
    void aBodyOverTheCapFailsWithASentenceWhetherItsLengthIsSaidOrNot() throws Exception {
        TestFile said = server.addFile("/big.bin", 2_000, 7);
        TestFile unsaid = server.addFile("/big-chunked.bin", 50_000, 8).withoutLength(true);

        DataTaskException declared = failure(DataRequest.get(server.uri(said.path())).withMaxResponseBytes(1_000));
        DataTaskException counted = failure(DataRequest.get(server.uri(unsaid.path())).withMaxResponseBytes(20_000));

        assertEquals(TransferFailure.Kind.TOO_LARGE, declared.failure().kind());
        assertEquals("The answer from " + server.uri(said.path()) + " has 2.0 KB, more than the 1.0 KB this data"
                + " task reads; ask for less, or raise the size cap of the task.", declared.getMessage());
        assertEquals("The answer from " + server.uri(unsaid.path()) + " is larger than 20.0 KB, the most this data"
                + " task reads; ask for less, or raise the size cap of the task.", counted.getMessage());
        assertEquals(1, server.requests(said.path()).size(), "the server saw the request, once");
        assertEquals(1, server.requests(unsaid.path()).size(), "the server saw the request, once");
    }

    @Test
    void a302IsFollowed() throws Exception {
        server.addContent("/api/item.json", JSON.getBytes(UTF_8), "application/json");
        server.addRedirect("/api/old.json", 302, "/api/item.json");

        DataResponse response = fetch(DataRequest.get(server.uri("/api/old.json")));

        assertEquals(200, response.status());
        assertEquals(server.uri("/api/item.json"), response.url());
        assertEquals(JSON, response.text());
    }

    @Test
    void a307KeepsThePostAndItsBodyA303MakesItAGet() throws Exception {
        server.addEcho("/echo");
        server.addRedirect("/submit-307", 307, "/echo");
        server.addRedirect("/submit-303", 303, "/echo");
        byte[] body = "{\"q\":1}".getBytes(UTF_8);

        DataResponse kept = fetch(DataRequest.post(server.uri("/submit-307"), body, "application/json"));
        DataResponse turned = fetch(DataRequest.post(server.uri("/submit-303"), body, "application/json"));

        assertEquals("POST", kept.header("X-Echo-Method").orElseThrow());
        assertArrayEquals(body, kept.body());
        assertTrue(kept.header("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals("GET", turned.header("X-Echo-Method").orElseThrow());
        assertEquals(0, turned.body().length);
        RecordedRequest get = server.requests("/echo").getLast();
        assertEquals("GET", get.method());
        assertFalse(get.header("Content-Type").isPresent(), get.headers().toString());
    }

    @Test
    void basicAndDigestAreAnsweredOnlyOnceTheServerAsks() throws Exception {
        TestFile basic = server.addFile("/private/basic.json", 3_000, 21).requireBasicAuth("alice", "s3cret!");
        TestFile digest = server.addFile("/private/digest.json", 3_000, 22).requireDigestAuth("alice", "s3cret!");

        DataResponse viaBasic = fetch(DataRequest.get(server.uri(basic.path())).withCredentials(ALICE));
        DataResponse viaDigest = fetch(DataRequest.get(server.uri(digest.path())).withCredentials(ALICE));

        assertArrayEquals(basic.bytes(), viaBasic.body());
        assertArrayEquals(digest.bytes(), viaDigest.body());
        for (TestFile file : List.of(basic, digest)) {
            List<RecordedRequest> requests = server.requests(file.path());
            assertEquals(2, requests.size(), "challenged once, then answered");
            assertFalse(requests.get(0).header("Authorization").isPresent(), "nothing before the server asks");
        }
        assertEquals("Basic YWxpY2U6czNjcmV0IQ==",
                server.requests(basic.path()).getLast().header("Authorization").orElseThrow());
        assertTrue(server.requests(digest.path()).getLast().header("Authorization").orElseThrow()
                .startsWith("Digest username=\"alice\""));
    }

    @Test
    void withoutCredentialsA401FailsWithTheSentence() throws Exception {
        TestFile file = server.addFile("/private/report.json", 1_000, 23).requireBasicAuth("alice", "s3cret!");

        DataTaskException failed = failure(DataRequest.get(server.uri(file.path())));

        assertEquals(TransferFailure.Kind.CREDENTIALS, failed.failure().kind());
        assertEquals("127.0.0.1 asks for a user name and password.", failed.getMessage());
    }

    @Test
    void credentialsAndAnAuthorizationHeaderNeverFollowARedirectToAnotherOrigin() throws Exception {
        TestHosts.requireNames();
        TestFile moved = server.addFile("/private/moved.json", 1_000, 24).requireBasicAuth("alice", "s3cret!");
        server.addRedirect("/private/moving.json", 302, server.uri(TestHosts.OTHER_ORIGIN, moved.path()).toString());

        DataTaskException failed = failure(DataRequest.get(server.uri(TestHosts.ORIGIN, "/private/moving.json"))
                .withCredentials(ALICE).withHeader("Authorization", "Bearer t0ken"));

        assertEquals(TransferFailure.Kind.CREDENTIALS, failed.failure().kind());
        assertEquals(TestHosts.OTHER_ORIGIN + " asks for a user name and password.", failed.getMessage());
        assertEquals("Bearer t0ken",
                server.requests("/private/moving.json").getFirst().header("Authorization").orElseThrow());
        assertFalse(server.requests(moved.path()).isEmpty());
        for (RecordedRequest atOtherName : server.requests(moved.path())) {
            assertFalse(atOtherName.header("Authorization").isPresent(), atOtherName.headers().toString());
        }
    }

    @Test
    void aBodyIsNeverTakenToAnotherOrigin() throws Exception {
        TestHosts.requireNames();
        server.addEcho("/echo");
        URI elsewhere = server.uri(TestHosts.OTHER_ORIGIN, "/echo");
        server.addRedirect("/submit", 307, elsewhere.toString());

        DataTaskException failed = failure(DataRequest.post(server.uri(TestHosts.ORIGIN, "/submit"),
                "secret form".getBytes(UTF_8), "text/plain"));

        assertEquals(TransferFailure.Kind.REDIRECT, failed.failure().kind());
        assertEquals(server.uri(TestHosts.ORIGIN, "/submit") + " redirects the request with its body to " + elsewhere
                + ", another server; bgtransfer does not send the body there.", failed.getMessage());
        assertTrue(server.requests("/echo").isEmpty());
    }

    @Test
    void a503IsRetriedUntilTheServerRecovers() throws Exception {
        server.addContent("/api/flaky.json", JSON.getBytes(UTF_8), "application/json");
        server.failNext("/api/flaky.json", 503, 2);

        DataResponse response = fetch(DataRequest.get(server.uri("/api/flaky.json")));

        assertEquals(200, response.status());
        assertEquals(JSON, response.text());
        assertEquals(3, server.requests("/api/flaky.json").size(), "two 503, then the answer");
    }

    @Test
    void theSessionsOptionsApplyNoRetriesMeansOneRequest() throws Exception {
        server.addContent("/api/flaky.json", JSON.getBytes(UTF_8), "application/json");
        server.failNext("/api/flaky.json", 503, 1);
        TransferSession once = fixture.service().session("dev.bgtransfer.tests.data.once",
                SessionConfiguration.of(SessionKind.EPHEMERAL)
                        .withOptions(TransferFixture.OPTIONS.withRetries(0, Duration.ofMillis(20))));
        try {
            DataResponse response = once.fetch(DataRequest.get(server.uri("/api/flaky.json")))
                    .get(TransferFixture.TIMEOUT.toSeconds(), TimeUnit.SECONDS);

            assertEquals(503, response.status(), "the last answer, as the server gave it");
            assertEquals(1, server.requests("/api/flaky.json").size());
        } finally {
            once.invalidate();
        }
    }

    @Test
    void aPostIsNotRetried() throws Exception {
        server.addEcho("/echo");
        server.failNext("/echo", 503, 1);

        DataResponse response = fetch(DataRequest.post(server.uri("/echo"), new byte[] { 1 }, "application/octet-stream"));

        assertEquals(503, response.status());
        assertEquals(1, server.requests("/echo").size());
    }

    @Test
    void invalidatingASessionCancelsItsDataTasksAndLeavesOthersAlone() throws Exception {
        TestFile slow = server.addFile("/data/slow.json", 2_000_000, 30).throttle(100_000);
        TransferSession ending = fixture.service().session("dev.bgtransfer.tests.data.ending",
                SessionConfiguration.of(SessionKind.EPHEMERAL));
        TransferSession staying = fixture.service().session("dev.bgtransfer.tests.data.staying",
                SessionConfiguration.of(SessionKind.EPHEMERAL));
        CompletableFuture<DataResponse> cancelled = ending.fetch(DataRequest.get(server.uri(slow.path())));
        CompletableFuture<DataResponse> kept = staying.fetch(DataRequest.get(server.uri(slow.path())));
        TransferFixture.awaitTrue("both requests reached the server", () -> server.requests(slow.path()).size() == 2);

        ending.invalidate();

        assertThrows(CancellationException.class, () -> cancelled.get(5, TimeUnit.SECONDS));
        assertFalse(kept.isDone(), "the other session's task goes on");
        slow.throttle(0);
        assertEquals(slow.size(), kept.get(30, TimeUnit.SECONDS).body().length);
        staying.invalidate();
    }

    private DataResponse fetch(DataRequest request) throws Exception {
        return fixture.service().fetch(request).get(TransferFixture.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private DataTaskException failure(DataRequest request) {
        CompletableFuture<DataResponse> future = fixture.service().fetch(request);
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> future.get(TransferFixture.TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        return assertInstanceOf(DataTaskException.class, failed.getCause());
    }
}
