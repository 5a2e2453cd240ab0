package dev.bgtransfer.remote.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Resumability;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;
import dev.bgtransfer.remote.internal.client.RemoteTransfers;

/**
 * A client of the per-user service sees each transfer's resumability as the service does, and a
 * session it asks for with "only resumable" takes only resumable transfers in the service.
 */
class RemoteResumabilityTest extends RemoteServiceTest {

    @Test
    void aClientSeesWhatTheServerShowedAndItsOnlyResumableSessionRefusesTheRest() throws Exception {
        RemoteTransfers client = connect();
        TestFile weak = server.addFile("/remote/weak.bin", 100_000, 801).weakEtag(true).withoutLastModified(true);
        TestFile good = server.addFile("/remote/good.bin", 100_000, 802);
        TransferSession only = client.session("test.remote-only", SessionConfiguration.of(SessionKind.DEFAULT)
                .withOptions(TransferFixture.OPTIONS.withOnlyResumable(true)));
        try {
            Transfer refused = only.download(TransferRequest.of(server.uri(weak.path()), folder));
            Transfer taken = only.download(TransferRequest.of(server.uri(good.path()), folder));
            fixture.awaitState(refused.id(), TransferState.FAILED);
            fixture.awaitState(taken.id(), TransferState.COMPLETED);

            Transfer seenRefused = client.get(refused.id()).orElseThrow();
            assertEquals(Resumability.WEAK_ETAG_ONLY, seenRefused.resumability());
            assertEquals(TransferFailure.Kind.NOT_RESUMABLE, seenRefused.failure().orElseThrow().kind());
            assertEquals(Resumability.RANGES_AND_STRONG_ETAG, client.get(taken.id()).orElseThrow().resumability());
            assertEquals(List.of(Resumability.WEAK_ETAG_ONLY, Resumability.RANGES_AND_STRONG_ETAG),
                    only.transfers().stream().map(Transfer::resumability).toList());
        } finally {
            only.invalidate();
        }
    }
}
