package dev.bgtransfer.remote.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.TimelineEntry.Kind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.remote.internal.client.RemoteTransfers;

/** The timeline crosses the API socket as the service holds it: what the command line and a workbench read of the daemon. */
class RemoteTimelineTest extends RemoteServiceTest {

    @Test
    void aClientReadsTheTimelineTheServiceHolds() {
        TestFile file = server.addFile("/files/told-remotely.bin", 300_000, 621);
        server.addRedirect("/go/told-remotely.bin", 307, file.path());
        server.failNext(file.path(), 503, 1, "0");
        Transfer done = fixture.awaitState(fixture.service().download(
                TransferRequest.of(server.uri("/go/told-remotely.bin"), folder)).id(), TransferState.COMPLETED);
        RemoteTransfers client = connect();

        List<TimelineEntry> remote = client.timeline(done.id());

        List<TimelineEntry> here = fixture.service().timeline(done.id());
        assertEquals(here, remote, "every entry, its time, kind and facts in their order");
        assertTrue(remote.stream().anyMatch(entry -> entry.kind() == Kind.REDIRECT), remote.toString());
        assertTrue(remote.stream().anyMatch(entry -> entry.kind() == Kind.RETRY), remote.toString());
        assertEquals(List.copyOf(here.getFirst().facts().keySet()), List.copyOf(remote.getFirst().facts().keySet()));
    }

    @Test
    void anUnknownIdIsRefusedAsTheServiceRefusesIt() {
        RemoteTransfers client = connect();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> client.timeline(424_242));
        assertTrue(refused.getMessage().contains("424242"), refused.getMessage());
    }
}
