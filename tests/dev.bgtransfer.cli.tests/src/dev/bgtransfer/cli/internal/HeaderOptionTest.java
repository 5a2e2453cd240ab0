package dev.bgtransfer.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.cli.internal.InProcessCli.Result;
import dev.bgtransfer.junit.RecordedRequest;

/** curl's {@code -H "Name: value"} on {@code get} and {@code put}: as often as needed, checked before anything starts. */
class HeaderOptionTest extends CommandLineTest {

    @Test
    void getSendsEveryHeaderGiven() {
        server.addFile("/h.bin", 20_000, 1);

        Result result = cli.run("get", "--quiet", "-H", "Authorization: Bearer t0k", "--header=X-Trace: 7",
                "-HAccept: application/octet-stream", server.uri("/h.bin").toString());

        assertEquals(0, result.status(), result.err());
        RecordedRequest request = server.requests("/h.bin").getFirst();
        assertEquals("Bearer t0k", request.header("Authorization").orElseThrow());
        assertEquals("7", request.header("X-Trace").orElseThrow());
        assertEquals("application/octet-stream", request.header("Accept").orElseThrow());
    }

    @Test
    void putSendsThemToo() throws Exception {
        server.addPlainUpload("/up/h.bin");
        file("h.bin", 10_000);

        Result result = cli.run("put", "--quiet", "--no-resume", "-H", "Authorization: Bearer up", "h.bin",
                server.uri("/up/h.bin").toString());

        assertEquals(0, result.status(), result.err());
        assertTrue(server.requests("/up/h.bin").stream()
                .allMatch(request -> "Bearer up".equals(request.header("Authorization").orElse(null))),
                server.requests("/up/h.bin").toString());
    }

    @Test
    void aHeaderTheServiceSetsOrAMalformedOneIsBadUsageAndNothingStarts() {
        server.addFile("/h.bin", 20_000, 1);
        for (List<String> arguments : List.of(List.of("-H", "Range: bytes=0-"), List.of("-H", "no colon"),
                List.of("--header", "Bad Name: x"))) {
            Result result = cli.run(concat(List.of("get"), arguments, List.of(server.uri("/h.bin").toString())));

            assertEquals(2, result.status(), arguments + ": " + result.err());
            assertTrue(result.err().startsWith("bgtransfer: -H: "), result.err());
        }
        assertEquals(List.of(), server.requests("/h.bin"), "nothing was asked");
        assertEquals(List.of(), commandLineTransfers(), "nothing was added");
    }

    @SafeVarargs
    private static String[] concat(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toArray(String[]::new);
    }
}
