package dev.bgtransfer.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.cli.internal.InProcessCli.Result;
import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestFile;

/** {@code --limit-rate} as curl reads it, on {@code get} and {@code put}, and {@code limit ID... RATE}. */
class LimitRateTest extends CommandLineTest {

    @Test
    void getLimitsEachOfItsTransfersAndTheLimitIsKeptWithThem() {
        server.addFile("/a.bin", 100_000, 1);
        server.addFile("/b.bin", 100_000, 2);

        Result result = cli.run("get", "--quiet", "--limit-rate", "200k", server.uri("/a.bin").toString(),
                server.uri("/b.bin").toString());

        assertEquals(0, result.status(), result.err());
        List<Transfer> transfers = commandLineTransfers();
        assertEquals(2, transfers.size());
        for (Transfer transfer : transfers) {
            assertEquals(TransferState.COMPLETED, transfer.state());
            assertEquals(RateLimit.of(204_800), fixture.service().rateLimit(transfer.id()));
        }
    }

    @Test
    void putLimitsItsUpload() throws Exception {
        server.addResumableUpload("/up");

        Result result = cli.run("put", "--quiet", "--limit-rate=1m", file("up.bin", 300_000).toString(),
                server.uri("/up").toString());

        assertEquals(0, result.status(), result.err());
        Transfer upload = commandLineTransfers().getFirst();
        assertEquals(RateLimit.of(1 << 20), fixture.service().rateLimit(upload.id()));
    }

    @Test
    void limitChangesTheLimitOfARunningTransfer() {
        TestFile file = server.addFile("/big.bin", 20_000_000, 3);
        Transfer added = fixture.service().session(CommandLineSession.IDENTIFIER,
                SessionConfiguration.of(SessionKind.BACKGROUND))
                .add(TransferRequest.of(server.uri(file.path()), folder));
        fixture.service().setRateLimit(added.id(), RateLimit.of(100_000));
        fixture.service().start(added.id());
        fixture.awaitBytes(added.id(), 10_000);

        Result result = cli.run("limit", Long.toString(added.id()), "0");
        assertEquals(0, result.status(), result.err());
        assertEquals("", result.out());

        assertEquals(RateLimit.UNLIMITED, fixture.service().rateLimit(added.id()));
        fixture.awaitState(added.id(), TransferState.COMPLETED);
    }

    @Test
    void aRateThatIsNoneIsBadUsageAndStartsNothing() {
        server.addFile("/a.bin", 100_000, 4);

        Result get = cli.run("get", "--limit-rate", "fast", server.uri("/a.bin").toString());
        Result put = cli.run("put", "--limit-rate", "-1", "nothing.bin", server.uri("/up").toString());
        Result limit = cli.run("limit", "12", "2x");
        Result limitWithoutRate = cli.run("limit", "12");

        assertEquals(2, get.status());
        assertTrue(get.err().startsWith("bgtransfer: --limit-rate: \"fast\" is no rate: give bytes per second,"),
                get.err());
        assertEquals(2, put.status());
        assertEquals(2, limit.status());
        assertTrue(limit.err().startsWith("bgtransfer: RATE: \"2x\" is no rate"), limit.err());
        assertEquals(2, limitWithoutRate.status());
        assertTrue(limitWithoutRate.err().startsWith("bgtransfer: limit needs the ids of the transfers and then a rate"),
                limitWithoutRate.err());
        assertEquals(List.of(), commandLineTransfers(), "nothing started");
        assertEquals(0, server.requests("/a.bin").size());
    }

    @Test
    void limitOfAnIdTheStoreDoesNotHoldIsRefused() {
        Result result = cli.run("limit", "4242", "10k");

        assertEquals(2, result.status());
        assertTrue(result.err().contains("no transfer with the id 4242"), result.err());
    }
}
