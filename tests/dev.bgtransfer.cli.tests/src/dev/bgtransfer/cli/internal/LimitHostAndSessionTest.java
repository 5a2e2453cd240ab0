package dev.bgtransfer.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.cli.internal.InProcessCli.Result;
import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.RateSchedule;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;

/** {@code limit --host HOST RATE}, {@code limit --session ID RATE} and {@code limit} alone, which lists the limits. */
class LimitHostAndSessionTest extends CommandLineTest {
    private static final String SESSION = "test.cli.limited";

    @AfterEach
    void liftLimits() {
        TransferService service = fixture.service();
        service.setOverallLimit(RateSchedule.UNLIMITED);
        service.hostLimits().keySet().forEach(host -> service.setHostLimit(host, RateLimit.UNLIMITED));
        service.sessionLimits().keySet().forEach(session -> service.setSessionLimit(session, RateLimit.UNLIMITED));
        service.session(SESSION, SessionConfiguration.of(SessionKind.DEFAULT)).reset();
    }

    /** @return a transfer of {@link #SESSION}, so that the service knows the session */
    private Transfer transferOfTheSession() {
        return fixture.service().session(SESSION, SessionConfiguration.of(SessionKind.DEFAULT))
                .add(TransferRequest.of(server.uri("/never.bin"), folder));
    }

    @Test
    void hostLimitIsSetAndLiftedWithNoneAsTheServiceReportsIt() {
        Result set = cli.run("limit", "--host", "Mirror.Example.org", "2m");

        assertEquals(0, set.status(), set.err());
        assertEquals("", set.out());
        assertEquals(Map.of("mirror.example.org", RateLimit.of(2 << 20)), fixture.service().hostLimits());

        Result lifted = cli.run("limit", "--host=mirror.example.org", "none");

        assertEquals(0, lifted.status(), lifted.err());
        assertEquals(Map.of(), fixture.service().hostLimits());
    }

    @Test
    void sessionLimitIsSetForASessionWithTransfersAndLiftedWithUnlimited() {
        transferOfTheSession();

        Result set = cli.run("limit", "--session", SESSION, "500k");

        assertEquals(0, set.status(), set.err());
        assertEquals("", set.out());
        assertTrue(set.err().contains("lasts as long as the service that holds it, here this command"), set.err());
        assertEquals(RateLimit.of(500 * 1024), fixture.service().sessionLimit(SESSION));

        fixture.service().session(SESSION, SessionConfiguration.of(SessionKind.DEFAULT)).reset();
        Result lifted = cli.run("limit", "--session", SESSION, "unlimited");

        assertEquals(0, lifted.status(), lifted.err() + " (a session with a limit can have it lifted)");
        assertEquals(RateLimit.UNLIMITED, fixture.service().sessionLimit(SESSION));
        assertEquals(Map.of(), fixture.service().sessionLimits());
    }

    @Test
    void limitAlonePrintsTheOverallHostAndSessionLimitsOneALine() {
        Result none = cli.run("limit");
        assertEquals(0, none.status(), none.err());
        assertEquals("overall\t0\n", none.out());

        transferOfTheSession();
        fixture.service().setOverallLimit(RateSchedule.parse("3m 22:00-06:00=0"));
        fixture.service().setHostLimit("b.example.org", RateLimit.parse("1m"));
        fixture.service().setHostLimit("a.example.org", RateLimit.of(1000));
        fixture.service().setSessionLimit(SESSION, RateLimit.parse("200k"));

        Result all = cli.run("limit");

        assertEquals(0, all.status(), all.err());
        assertEquals("overall\t3m 22:00-06:00=0\nhost\ta.example.org\t1000\nhost\tb.example.org\t1m\nsession\t"
                + SESSION + "\t200k\n", all.out());
    }

    @Test
    void badInputIsASentenceWithExitTwoAndChangesNothing() {
        Transfer transfer = transferOfTheSession();

        Result unknownSession = cli.run("limit", "--session", "no.such.session", "100k");
        Result notAHost = cli.run("limit", "--host", "mirror.example.org:8080/files", "100k");
        Result spaces = cli.run("limit", "--host", "two words", "100k");
        Result badRate = cli.run("limit", "--host", "mirror.example.org", "fast");
        Result hostAndIds = cli.run("limit", "--host", "mirror.example.org", Long.toString(transfer.id()), "100k");
        Result both = cli.run("limit", "--host", "mirror.example.org", "--session", SESSION, "100k");
        Result noRate = cli.run("limit", "--session", SESSION);

        assertEquals(2, unknownSession.status());
        assertTrue(unknownSession.err().contains("holds no transfer of the session \"no.such.session\""),
                unknownSession.err());
        assertEquals(2, notAHost.status());
        assertTrue(notAHost.err().startsWith(
                "bgtransfer: --host: \"mirror.example.org:8080/files\" is no host name: give it as a URL names it"),
                notAHost.err());
        assertEquals(2, spaces.status());
        assertTrue(spaces.err().startsWith("bgtransfer: --host: \"two words\" is no host name"), spaces.err());
        assertEquals(2, badRate.status());
        assertTrue(badRate.err().startsWith("bgtransfer: RATE: \"fast\" is no rate"), badRate.err());
        assertEquals(2, hostAndIds.status());
        assertTrue(hostAndIds.err().startsWith("bgtransfer: limit --host needs one rate after it and no transfer ids"),
                hostAndIds.err());
        assertEquals(2, both.status());
        assertTrue(both.err().startsWith("bgtransfer: limit takes --host or --session, not both"), both.err());
        assertEquals(2, noRate.status());
        assertTrue(noRate.err().startsWith("bgtransfer: limit --session needs one rate"), noRate.err());
        for (Result result : new Result[] { unknownSession, notAHost, badRate, hostAndIds, both, noRate }) {
            assertTrue(!result.err().contains("Exception") && !result.err().contains("\tat "), result.err());
        }

        assertEquals(Map.of(), fixture.service().hostLimits());
        assertEquals(Map.of(), fixture.service().sessionLimits());
        assertEquals(RateLimit.UNLIMITED, fixture.service().rateLimit(transfer.id()));
    }

    @Test
    void hostsAsURLsNameThemAreTaken() {
        assertEquals(0, cli.run("limit", "--host", "192.0.2.7", "10k").status());
        assertEquals(0, cli.run("limit", "--host", "[::1]", "20k").status());
        assertEquals(0, cli.run("limit", "--host", "localhost", "30k").status());

        assertEquals(Map.of("192.0.2.7", RateLimit.of(10 * 1024), "[::1]", RateLimit.of(20 * 1024), "localhost",
                RateLimit.of(30 * 1024)), fixture.service().hostLimits());
    }

    @Test
    void limitOfIdsTakesNoneToo() {
        Transfer transfer = transferOfTheSession();
        fixture.service().setRateLimit(transfer.id(), RateLimit.parse("100k"));

        Result lifted = cli.run("limit", Long.toString(transfer.id()), "none");

        assertEquals(0, lifted.status(), lifted.err());
        assertEquals(RateLimit.UNLIMITED, fixture.service().rateLimit(transfer.id()));
    }
}
