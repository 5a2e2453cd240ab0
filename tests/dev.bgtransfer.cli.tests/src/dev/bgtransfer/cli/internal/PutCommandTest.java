package dev.bgtransfer.cli.internal;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.bgtransfer.cli.internal.InProcessCli.Result;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.UploadEndpoint;

/** {@code put FILE URL} against the test server's upload endpoints: result line, exit status, what the server holds. */
class PutCommandTest extends CommandLineTest {

    @ParameterizedTest
    @ValueSource(strings = { "put", "upload" })
    void putsTheFileAndPrintsUrlBytesAndSha256(String command) throws Exception {
        UploadEndpoint endpoint = server.addResumableUpload("/up");
        Path file = file("report.bin", 300_000);
        URI url = server.uri("/up");

        Result result = cli.run(command, "--quiet", "report.bin", url.toString()); // relative to the working folder

        assertEquals(0, result.status(), result.err());
        assertEquals(url + "\t300000\t" + sha256(file) + "\n", result.out());
        assertEquals("", result.err());
        assertEquals(sha256(file), endpoint.sha256(), "the server holds the file's bytes");
        assertEquals("PUT", server.requests("/up").getFirst().method());
    }

    @Test
    void methodPostReachesTheServerAsPost() throws Exception {
        UploadEndpoint endpoint = server.addResumableUpload("/up");
        Path file = file("form.bin", 50_000);

        Result result = cli.run("put", "--quiet", "--method", "post", file.toString(), server.uri("/up").toString());

        assertEquals(0, result.status(), result.err());
        assertEquals(List.of("POST"), server.requests("/up").stream().map(RecordedRequest::method).toList());
        assertEquals(sha256(file), endpoint.sha256());
    }

    @Test
    void userSignsInAtAServerThatAsks() throws Exception {
        UploadEndpoint endpoint = server.addResumableUpload("/private");
        endpoint.requireBasicAuth("alice", "pa:ss");
        Path file = file("private.bin", 60_000);

        Result result = cli.run("put", "--quiet", "--user", "alice:pa:ss", file.toString(),
                server.uri("/private").toString());

        assertEquals(0, result.status(), result.err());
        assertEquals(sha256(file), endpoint.sha256());
        assertEquals(List.of("PUT", "PUT"), server.requests("/private").stream().map(RecordedRequest::method).toList(),
                "asked once, then answered");
    }

    @Test
    void resumptionIsOfferedByDefaultAndNoResumeSendsOnePlainRequest() throws Exception {
        UploadEndpoint endpoint = server.addPlainUpload("/plain");
        Path file = file("plain.bin", 80_000);
        String url = server.uri("/plain").toString();

        Result offered = cli.run("put", "--quiet", "--resume", file.toString(), url);
        Result plain = cli.run("put", "--quiet", "--no-resume", file.toString(), url);

        assertEquals(0, offered.status(), offered.err());
        assertEquals(0, plain.status(), plain.err());
        List<RecordedRequest> requests = server.requests("/plain");
        assertEquals(2, requests.size(), "one request each: " + requests);
        assertTrue(requests.get(0).header("Upload-Complete").isPresent(), "resumption offered");
        assertFalse(requests.get(1).header("Upload-Complete").isPresent(), "a plain request");
        assertEquals(sha256(file), endpoint.sha256());
    }

    @Test
    void aDropMidUploadIsRetriedFromTheServersOffsetAndCompletes() throws Exception {
        UploadEndpoint endpoint = server.addResumableUpload("/up");
        endpoint.dropAfter(200_000, 1);
        Path file = file("big.bin", 1_000_000);
        URI url = server.uri("/up");

        Result result = cli.run("put", "--quiet", "--retries", "3", file.toString(), url.toString());

        assertEquals(0, result.status(), result.err());
        assertEquals(url + "\t1000000\t" + sha256(file) + "\n", result.out());
        assertEquals(sha256(file), endpoint.sha256());
        assertEquals(List.of("PUT", "HEAD", "PATCH"), server.requests().stream().map(RecordedRequest::method).toList());
    }

    @Test
    void aRefusedUploadExitsOneWithItsUrlAndTheReason() throws Exception {
        server.addResumableUpload("/up").refuseAbove(1_000);
        Path file = file("big.bin", 100_000);
        URI url = server.uri("/up");

        Result result = cli.run("put", "--quiet", file.toString(), url.toString());

        assertEquals(1, result.status());
        assertEquals("", result.out());
        assertTrue(result.err().startsWith(url + ": ") && result.err().contains("at most 1000 bytes"), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
    }
}
