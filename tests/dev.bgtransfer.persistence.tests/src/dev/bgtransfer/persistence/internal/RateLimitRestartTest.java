package dev.bgtransfer.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;

/** A transfer's bandwidth limit is stored with it in SQLite: it holds after a restart, and goes when the transfer does. */
class RateLimitRestartTest extends ServiceTest {

    @Test
    void aTransfersLimitHoldsAfterARestartUntilItIsRemoved() {
        TestFile file = server.addFile("/files/limited.bin", 4_000_000, 97);
        Transfer started = fixture.service().add(TransferRequest.of(server.uri(file.path()), folder));
        fixture.service().setRateLimit(started.id(), RateLimit.parse("64k"));
        fixture.service().start(started.id());
        fixture.awaitBytes(started.id(), 1);

        TransferFixture.restartService();

        assertEquals(RateLimit.of(64 * 1024), fixture.service().rateLimit(started.id()));
        fixture.awaitBytes(started.id(), 1);
        assertEquals(TransferState.RUNNING, fixture.service().get(started.id()).orElseThrow().state());
        fixture.service().remove(started.id(), true);
        TransferFixture.restartService();
        assertEquals(RateLimit.UNLIMITED, fixture.service().rateLimit(started.id()));
    }
}
