package dev.bgtransfer.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.cli.internal.InProcessCli.Result;
import dev.bgtransfer.cli.internal.remote.BuildVersion;
import dev.bgtransfer.cli.internal.remote.DaemonClient;
import dev.bgtransfer.cli.internal.remote.DaemonConnection;
import dev.bgtransfer.cli.internal.remote.Handshake;
import dev.bgtransfer.cli.internal.remote.ServiceSocket;
import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.remote.internal.client.RemoteTransfers;
import dev.bgtransfer.remote.internal.server.ApiServer;

/**
 * The daemon's wire end to end in this process: a {@link ServeCommand} over the real service on a
 * socket in the test's folder, reached by the plain-JDK client as the launcher's clients reach it,
 * and its API socket reached by a {@link RemoteTransfers} client as a workbench reaches it.
 */
class DaemonTest extends CommandLineTest {
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private Path state;
    private ServeCommand daemon;
    private ApiServer api;
    private Thread serving;

    @AfterEach
    void stopDaemon() throws InterruptedException {
        if (daemon != null) {
            daemon.stop();
            serving.join(TimeUnit.SECONDS.toMillis(10));
            api.close();
        }
    }

    @Test
    void handsCommandsOverAndRelaysWhatTheyPrint() throws Exception {
        serve(Optional.empty());
        server.addFile("/a.bin", 5_000, 1);

        Result get = client(BuildVersion.current(), "get", "--quiet", "--dir", folder.toString(),
                server.uri("/a.bin").toString());
        Result list = client(BuildVersion.current(), "list");

        assertEquals(0, get.status(), get.err());
        assertTrue(get.out().startsWith(folder.resolve("a.bin") + "\t5000\t"), get.out());
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().contains("\tdownload\tCOMPLETED\t"), list.out());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("Serving the transfers of " + state), log.toString());
    }

    @Test
    void statusNamesThePidTheBuildAndTheOtherClients() {
        serve(Optional.of(Duration.ofSeconds(300)));

        Result status = client(BuildVersion.current(), "daemon", "status");

        assertEquals(0, status.status(), status.err());
        assertTrue(status.out().startsWith("The bgtransfer daemon for " + state + " runs.\n"), status.out());
        assertTrue(status.out().contains("\npid:        " + ProcessHandle.current().pid() + "\n"), status.out());
        assertTrue(status.out().contains("\nbuild:      " + BuildVersion.current() + " (wire protocol 3)\n"));
        assertTrue(status.out().contains("\nclients:    0 besides this one\n"), status.out());
        assertTrue(status.out().contains("\napi:        " + ServiceSocket.apiOf(state) + ", 0 clients (workbenches)\n"),
                status.out());
        assertTrue(status.out().contains("\nidle exit:  after 300 seconds without transfers under way and without clients"));
    }

    @Test
    void anIdleDaemonMakesWayForAClientOfAnotherBuild() throws Exception {
        serve(Optional.empty());

        Result other = client("0.0.0.other", "list");

        assertEquals(ServiceSocket.NO_SERVICE, other.status(), "the launcher then starts a daemon of its own build");
        assertTrue(other.err().startsWith("bgtransfer: the daemon for " + state + " runs another build ("
                + BuildVersion.current() + "); it was idle and makes way for this one (0.0.0.other)."), other.err());
        serving.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(serving.isAlive(), "the daemon ended");
        assertFalse(Files.exists(ServiceSocket.of(state)), "its socket went first");
    }

    @Test
    void aBusyDaemonServesAClientOfAnotherBuildOfItsProtocol() throws Exception {
        serve(Optional.empty());
        server.addFile("/slow.bin", 3_000_000, 2);
        server.setThrottle(500_000);
        long id = CommandLineSession.open(fixture.service(), SessionOptions.NONE)
                .download(TransferRequest.of(server.uri("/slow.bin"), folder)).id();
        fixture.awaitState(id, TransferState.RUNNING);

        Result other = client("0.0.0.other", "list");

        assertEquals(0, other.status(), other.err());
        assertTrue(other.out().contains(id + "\tdownload\tRUNNING\t"), other.out());
        assertTrue(serving.isAlive());
        fixture.service().pause(id);
    }

    @Test
    void aClientFromBeforeTheHandshakeIsToldInASentence() throws Exception {
        serve(Optional.empty());
        byte[] body = "BGT2 and a request of protocol 2".getBytes(StandardCharsets.US_ASCII);

        try (SocketChannel earlier = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            earlier.connect(UnixDomainSocketAddress.of(ServiceSocket.of(state)));
            earlier.write(ByteBuffer.allocate(Integer.BYTES + body.length).putInt(body.length).put(body).flip());
            ByteBuffer header = read(earlier, 5);
            assertEquals(ServiceSocket.STDERR, header.get());
            String sentence = new String(read(earlier, header.getInt()).array(), StandardCharsets.UTF_8);
            assertTrue(sentence.startsWith("bgtransfer: this client is older than the daemon for " + state
                    + " (wire protocol 2, the daemon speaks 3)"), sentence);
            ByteBuffer exit = read(earlier, 5);
            assertEquals(ServiceSocket.EXIT, exit.get());
            assertEquals(1, exit.getInt());
        }
    }

    @Test
    void quitEndsTheDaemonAndStatusThenSaysNoneRuns() throws Exception {
        serve(Optional.empty());

        try (DaemonConnection connection = DaemonConnection.open(ServiceSocket.of(state), "any").orElseThrow()) {
            connection.quit();
        }
        serving.join(TimeUnit.SECONDS.toMillis(10));
        Result status = client(BuildVersion.current(), "daemon", "status");

        assertFalse(serving.isAlive());
        assertEquals(DaemonClient.NOT_RUNNING, status.status());
        assertEquals("No bgtransfer daemon runs for " + state + ".\n", status.out());
        assertEquals(ServiceSocket.NO_SERVICE, client(BuildVersion.current(), "list").status());
    }

    @Test
    void endsByItselfOnceIdleForItsIdleExit() throws Exception {
        serve(Optional.of(Duration.ofSeconds(1)));
        assertEquals(0, client(BuildVersion.current(), "list").status());

        serving.join(TimeUnit.SECONDS.toMillis(10));

        assertFalse(serving.isAlive(), "idle for a second, it ended");
        assertTrue(log.toString(StandardCharsets.UTF_8)
                .contains("Exiting: 1 seconds without transfers under way and without clients."), log.toString());
    }

    @Test
    void theApiAnswersAWorkbenchWithTheCommandLinesTransfers() throws Exception {
        serve(Optional.empty());
        server.addFile("/a.bin", 5_000, 1);
        Result get = client(BuildVersion.current(), "get", "--quiet", "--dir", folder.toString(),
                server.uri("/a.bin").toString());
        assertEquals(0, get.status(), get.err());

        try (RemoteTransfers workbench = RemoteTransfers.connect(ServiceSocket.apiOf(state), state.toString(),
                fixture.service())) {
            List<Transfer> transfers = workbench
                    .session(CommandLineSession.IDENTIFIER, SessionConfiguration.of(SessionKind.BACKGROUND))
                    .transfers();

            assertEquals(1, transfers.size(), transfers.toString());
            assertEquals(server.uri("/a.bin"), transfers.get(0).url());
            assertEquals(TransferState.COMPLETED, transfers.get(0).state());
            assertEquals(commandLineTransfers().get(0).id(), transfers.get(0).id(), "the daemon's own id");
        }
    }

    @Test
    void hostAndSessionLimitsGoToTheDaemonAndAWorkbenchReadsThemThere() throws Exception {
        serve(Optional.empty());
        server.addFile("/a.bin", 5_000, 1);
        assertEquals(0, client(BuildVersion.current(), "get", "--quiet", "--dir", folder.toString(),
                server.uri("/a.bin").toString()).status());
        try {
            Result host = client(BuildVersion.current(), "limit", "--host", "mirror.example.org", "2m");
            Result session = client(BuildVersion.current(), "limit", "--session", CommandLineSession.IDENTIFIER,
                    "300k");
            Result unknown = client(BuildVersion.current(), "limit", "--session", "no.such.session", "1k");
            Result shown = client(BuildVersion.current(), "limit");

            assertEquals(0, host.status(), host.err());
            assertEquals(0, session.status(), session.err());
            assertEquals("", session.err(), "the daemon keeps the session's limit");
            assertEquals(2, unknown.status());
            assertTrue(unknown.err().contains("no transfer of the session \"no.such.session\""), unknown.err());
            assertEquals("overall\t0\nhost\tmirror.example.org\t2m\nsession\t" + CommandLineSession.IDENTIFIER
                    + "\t300k\n", shown.out());
            assertEquals(Map.of("mirror.example.org", RateLimit.of(2 << 20)), fixture.service().hostLimits());
            try (RemoteTransfers workbench = RemoteTransfers.connect(ServiceSocket.apiOf(state), state.toString(),
                    fixture.service())) {
                assertEquals(Map.of(CommandLineSession.IDENTIFIER, RateLimit.of(300 * 1024)),
                        workbench.sessionLimits());
            }
        } finally {
            fixture.service().setHostLimit("mirror.example.org", RateLimit.UNLIMITED);
            fixture.service().setSessionLimit(CommandLineSession.IDENTIFIER, RateLimit.UNLIMITED);
        }
    }

    @Test
    void aConnectedWorkbenchKeepsTheDaemonFromItsIdleExitAndStatusCountsIt() throws Exception {
        serve(Optional.of(Duration.ofSeconds(1)));

        try (RemoteTransfers workbench = RemoteTransfers.connect(ServiceSocket.apiOf(state), state.toString(),
                fixture.service())) {
            workbench.unfinished();
            serving.join(TimeUnit.SECONDS.toMillis(3));
            assertTrue(serving.isAlive(), "idle for three times its idle exit, but a workbench is connected");
            Result status = client(BuildVersion.current(), "daemon", "status");
            assertTrue(status.out().contains("\napi:        " + ServiceSocket.apiOf(state) + ", 1 clients (workbenches)\n"),
                    status.out());
        }
        serving.join(TimeUnit.SECONDS.toMillis(10));

        assertFalse(serving.isAlive(), "the workbench gone, it ended once idle");
        assertFalse(Files.exists(ServiceSocket.apiOf(state)), "the API socket went with it");
    }

    @Test
    void aProcessOfAnotherUserIsLetGoUnansweredAndTheLogSaysWho() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "runs a process as nobody: needs root");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv runs a process as another user");
        serve(Optional.empty());
        Path socket = ServiceSocket.of(state);
        for (Path loosened = socket.getParent(); !loosened.equals(folder.getParent()); loosened = loosened.getParent()) {
            Files.setPosixFilePermissions(loosened, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rwxrwxrwx"));
        // says hello as a client of this protocol, and prints whether the daemon answered
        String client = """
                use IO::Socket::UNIX; $SIG{PIPE} = 'IGNORE';
                my $s = IO::Socket::UNIX->new(Peer => $ARGV[0]) or die "connect: $!";
                syswrite($s, pack('N N N/a*', 0x42475448, $ARGV[1], 'test'));
                my $n = sysread($s, my $answer, 4);
                print $n ? 'answered' : 'let go';
                """;

        String nobody = run("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "perl", "-e", client,
                socket.toString(), Integer.toString(Handshake.PROTOCOL));
        String owner = run("perl", "-e", client, socket.toString(), Integer.toString(Handshake.PROTOCOL));

        assertEquals("let go", nobody);
        assertEquals("answered", owner, "the owner is served");
        assertTrue(log.toString(StandardCharsets.UTF_8).contains(
                "A process of the user nobody connected to the daemon's socket and was let go: the daemon serves root only."),
                log.toString(StandardCharsets.UTF_8));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the client process ended");
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private void serve(Optional<Duration> idleExit) {
        state = folder.resolve("state");
        try {
            DaemonSocket socket = DaemonSocket.bind(ServiceSocket.of(state));
            api = DaemonApi.serve(fixture.service(), ServiceSocket.apiOf(state));
            daemon = new ServeCommand(new Command.Serve(state, idleExit), socket, api, fixture.service(),
                    new PrintStream(log, true, StandardCharsets.UTF_8));
        } catch (CommandFailure unusable) {
            throw new AssertionError(unusable.getMessage(), unusable);
        }
        serving = Thread.ofPlatform().name("test daemon").start(() -> {
            try {
                daemon.serve();
            } catch (CommandFailure broken) {
                throw new AssertionError(broken.getMessage(), broken);
            } finally {
                api.close(); // as the application does once serve returns
            }
        });
    }

    private Result client(String build, String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new DaemonClient(ServiceSocket.of(state), build, out, err).run(List.of(arguments), false, false);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static ByteBuffer read(SocketChannel channel, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("the daemon closed early");
            }
        }
        return buffer.flip();
    }
}
