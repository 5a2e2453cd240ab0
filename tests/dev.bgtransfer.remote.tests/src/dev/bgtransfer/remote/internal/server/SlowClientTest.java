package dev.bgtransfer.remote.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;
import dev.bgtransfer.remote.internal.client.RemoteTransfers;
import dev.bgtransfer.remote.internal.wire.FrameChannel;
import dev.bgtransfer.remote.internal.wire.Handshake;
import dev.bgtransfer.remote.internal.wire.Message;
import dev.bgtransfer.remote.internal.wire.Op;
import dev.bgtransfer.remote.tests.HeardEvents;
import dev.bgtransfer.remote.tests.RemoteServiceTest;

/**
 * A client that subscribes to every event and never reads its socket: the service and the other
 * clients go on as if it were not there, and once its events overflow it is let go.
 */
class SlowClientTest extends RemoteServiceTest {
    /** Small, so that a few hundred transfers overflow it once the socket's buffers are full. */
    private static final int CAPACITY = 64;
    private static final int TRANSFERS = 300;
    private static final int BATCH = 10;

    @Override
    protected ApiServer newApi(TransferService service, Path at, ListenerRegistry listeners) {
        return new ApiServer(service, at, listeners, CAPACITY);
    }

    @Test
    void aClientThatNeverReadsBlocksNobodyAndIsLetGo() throws Exception {
        TestFile pacedFile = server.addFile("/files/paced.bin", 1_000_000, 641).throttle(1_000_000);
        List<TestFile> small = new ArrayList<>();
        for (int i = 0; i < TRANSFERS; i++) {
            small.add(server.addFile("/files/small-" + i + ".bin", 1_000, 700 + i));
        }
        try (FrameChannel stalled = subscribedAndStalled()) {
            RemoteTransfers reading = connect();
            HeardEvents completions = new HeardEvents();
            reading.addListener(completions, Optional.empty());
            TransferFixture.awaitTrue("both clients are served", () -> api.clientCount() == 2);

            long started = System.nanoTime();
            Transfer paced = fixture.service().download(TransferRequest.of(server.uri(pacedFile.path()), folder));
            // in batches the reading client hears to their end: a burst of a few dozen events stays within its queue
            for (int from = 0; from < TRANSFERS; from += BATCH) {
                List<Transfer> batch = new ArrayList<>();
                for (TestFile file : small.subList(from, from + BATCH)) {
                    batch.add(fixture.service().download(TransferRequest.of(server.uri(file.path()), folder)));
                }
                for (Transfer transfer : batch) {
                    completions.awaitCompleted(transfer.id());
                }
            }
            completions.awaitCompleted(paced.id());
            double seconds = (System.nanoTime() - started) / 1e9;

            TransferFixture.awaitTrue("the stalled client is let go", () -> api.clientCount() == 1);
            assertTrue(seconds < 30, "the service and the reading client went on: " + seconds + " s");
            assertEquals(reading.transfers(), fixture.service().transfers(), "the reading client is still served");
            assertTrue(endsAfterWhatWasSent(stalled), "its connection was closed");
        }
    }

    /** @return a client that shook hands, subscribed to every session, and reads nothing more */
    private FrameChannel subscribedAndStalled() throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        FrameChannel frames = new FrameChannel(channel);
        frames.write(Handshake.hello(Handshake.VERSION));
        frames.read();
        frames.write(Message.call(1, Op.SUBSCRIBE));
        return frames;
    }

    private static boolean endsAfterWhatWasSent(FrameChannel stalled) throws IOException {
        try {
            while (true) {
                stalled.read();
            }
        } catch (EOFException closed) {
            return true;
        }
    }
}
