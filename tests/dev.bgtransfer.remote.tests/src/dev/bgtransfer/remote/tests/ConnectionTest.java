package dev.bgtransfer.remote.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;
import dev.bgtransfer.remote.internal.client.IncompatibleServiceException;
import dev.bgtransfer.remote.internal.client.RemoteTransfers;
import dev.bgtransfer.remote.internal.server.ApiServer;
import dev.bgtransfer.remote.internal.wire.FrameChannel;
import dev.bgtransfer.remote.internal.wire.Handshake;
import dev.bgtransfer.remote.internal.wire.JsonObject;
import dev.bgtransfer.remote.internal.wire.Message;
import dev.bgtransfer.remote.internal.wire.Op;
import dev.bgtransfer.remote.internal.wire.ValueCodec;

/**
 * The connection itself: versions that differ, a server that goes away and a new one on the same
 * socket, a socket left behind or taken, and what the wire looks like to a peer that is no client.
 */
class ConnectionTest extends RemoteServiceTest {

    @Test
    void aServerOfAnotherVersionIsRefusedWithASentenceThatSaysWhatToDo() throws Exception {
        Path other = besideSocket("other");
        try (ServerSocketChannel fake = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            fake.bind(UnixDomainSocketAddress.of(other));
            Thread.ofVirtual().start(() -> answerOnce(fake, Handshake.hello(Handshake.VERSION + 1)));

            IncompatibleServiceException refused = assertThrows(IncompatibleServiceException.class,
                    () -> RemoteTransfers.connect(other, "/home/me/.local/state/bgtransfer", fixture.service()));

            assertEquals("The bgtransfer service running for /home/me/.local/state/bgtransfer speaks protocol "
                    + (Handshake.VERSION + 1) + "; this client speaks " + Handshake.VERSION
                    + ". Stop it with `./bgtransfer daemon stop`.", refused.getMessage());
            assertEquals(Handshake.VERSION + 1, refused.serviceVersion());
        }
    }

    @Test
    void somethingElseOnTheSocketIsNotTakenForTheService() throws Exception {
        Path other = besideSocket("other");
        try (ServerSocketChannel fake = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            fake.bind(UnixDomainSocketAddress.of(other));
            Thread.ofVirtual().start(() -> answerOnce(fake, new JsonObject().put("hello", "world")));

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> RemoteTransfers.connect(other, "STATE", fixture.service()));

            assertEquals("What answers on " + other + " is not the bgtransfer service for STATE.", refused.getMessage());
        }
    }

    @Test
    void theServerAnswersAClientOfAnotherVersionWithItsOwnAndLetsItGo() throws Exception {
        try (FrameChannel channel = rawClient()) {
            channel.write(Handshake.hello(Handshake.VERSION - 1));

            JsonObject answer = channel.read();

            assertTrue(Handshake.isOurs(answer));
            assertEquals(Handshake.VERSION, Handshake.versionOf(answer));
            assertThrows(EOFException.class, channel::read);
        }
    }

    @Test
    void aRequestTheApiRefusesOnArrivalComesBackAsItsRefusal() throws Exception {
        JsonObject ftp = ValueCodec.toJson(TransferRequest.of(URI.create("http://host/f"), folder)).put("url", "ftp://host/f");
        String sentence = assertThrows(IllegalArgumentException.class,
                () -> TransferRequest.of(URI.create("ftp://host/f"), folder)).getMessage();
        try (FrameChannel channel = rawClient()) {
            channel.write(Handshake.hello(Handshake.VERSION));
            channel.read();

            channel.write(Message.call(1, Op.DOWNLOAD).put(Message.REQUEST, ftp));
            JsonObject refused = channel.read();
            channel.write(Message.call(2, Op.GET).put(Message.ID, "seven"));
            JsonObject unreadable = channel.read();

            assertEquals(1, refused.number(Message.ANSWER));
            assertEquals("ILLEGAL_ARGUMENT", refused.object(Message.ERROR).string("type"));
            assertEquals(sentence, refused.object(Message.ERROR).string("message"));
            assertEquals("The bgtransfer service could not read a call: the field \"id\" is not of type Long.",
                    unreadable.object(Message.ERROR).string("message"));
        }
    }

    @Test
    void whenTheServerStopsCallsFailWithASentenceAndANewServerIsReachedAgain() throws Exception {
        TestFile file = server.addFile("/files/after.bin", 200_000, 631);
        RemoteTransfers client = connect();
        HeardEvents heard = new HeardEvents();
        client.addListener(heard, Optional.empty());
        List<String> disconnects = new CopyOnWriteArrayList<>();
        client.addDisconnectListener(disconnects::add);
        TransferSession session = client.session("test.remote.reconnect",
                SessionConfiguration.of(SessionKind.BACKGROUND).withOptions(TransferFixture.OPTIONS));

        api.close();
        IllegalStateException stopped = assertThrows(IllegalStateException.class, client::transfers);

        String sentence = "The bgtransfer service for " + serviceName() + " stopped; its transfers go on when it"
                + " runs again, and this client connects again on its next call.";
        assertEquals(sentence, stopped.getMessage());
        TransferFixture.awaitTrue("the client heard it went away", () -> !disconnects.isEmpty());
        assertEquals(sentence, disconnects.getFirst());
        assertFalse(client.isConnected());
        assertEquals(sentence, assertThrows(IllegalStateException.class, client::transfers).getMessage(),
                "still away");

        api = startApi();
        Transfer added = session.download(TransferRequest.of(server.uri(file.path()), folder));

        heard.awaitCompleted(added.id());
        assertEquals("test.remote.reconnect", added.session(), "the session asked for again");
        assertEquals(fixture.service().transfers(), client.transfers());
        session.invalidate();
    }

    @Test
    void withNoServerTheClientSaysSoAndASocketLeftBehindIsTakenOver() throws Exception {
        api.close();
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(UnixDomainSocketAddress.of(socket)); // a server that ended without removing its socket
        }
        assertTrue(Files.exists(socket));

        IllegalStateException refused = assertThrows(IllegalStateException.class, this::connect);
        assertEquals("The bgtransfer service for " + serviceName() + " is not running: nothing answers on " + socket
                + ".", refused.getMessage());

        api = startApi();
        assertEquals(fixture.service().transfers(), connect().transfers());
    }

    @Test
    void aSecondServerOnTheSameSocketIsRefused() {
        ApiServer second = newApi(fixture.service(), socket, listener -> () -> { });

        IllegalStateException refused = assertThrows(IllegalStateException.class, second::start);

        assertEquals("Another bgtransfer service already answers on " + socket + ".", refused.getMessage());
        assertEquals(fixture.service().transfers(), connect().transfers(), "the first one still serves");
    }

    private FrameChannel rawClient() throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return new FrameChannel(channel);
    }

    /** Reads one client's hello, answers {@code hello} and closes, as a server of another version does. */
    private static void answerOnce(ServerSocketChannel fake, JsonObject hello) {
        try (FrameChannel channel = new FrameChannel(fake.accept())) {
            channel.read();
            channel.write(hello);
        } catch (IOException closed) {
            // the test ended
        }
    }
}
