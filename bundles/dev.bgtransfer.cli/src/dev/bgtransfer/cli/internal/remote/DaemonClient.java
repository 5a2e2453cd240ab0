package dev.bgtransfer.cli.internal.remote;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.bgtransfer.cli.internal.remote.Handshake.DaemonHello;
import dev.bgtransfer.cli.internal.remote.Handshake.MakeWayAnswer;

/**
 * A client of the daemon of one state folder: hands it a command when it speaks this client's
 * protocol, asks a daemon of another protocol or build to make way when it is idle (saying so), and
 * answers {@code daemon status} and {@code daemon stop}, also when no daemon runs.
 */
public final class DaemonClient {
    /** The exit status of {@code daemon status} when no daemon runs, as the LSB's status actions have it. */
    public static final int NOT_RUNNING = 3;
    private static final int USAGE = 2;
    /** The status a shell gives a command that SIGPIPE ended. */
    private static final int BROKEN_PIPE = 128 + 13;
    /** {@code daemon stop} waits this long for the daemon to end (its transfers' Jobs get ten seconds). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final Path socket;
    private final String build;
    private final OutputStream out;
    private final OutputStream err;
    private final PrintStream sentences;

    public DaemonClient(Path socket, String build, OutputStream out, OutputStream err) {
        this.socket = socket;
        this.build = build;
        this.out = out;
        this.err = err;
        this.sentences = new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    /**
     * @return the command's exit status; {@link ServiceSocket#NO_SERVICE} when no daemon takes it (the
     *         launcher starts one), {@link ServiceSocket#IN_PROCESS} when it is to run in the launcher's
     *         process (said why on stderr)
     */
    public int run(List<String> command, boolean terminal, boolean interactive) {
        boolean control = !command.isEmpty() && command.get(0).equals("daemon");
        boolean stop = control && command.size() > 1 && command.get(1).equals("stop");
        Optional<DaemonConnection> found;
        try {
            found = DaemonConnection.open(socket, build);
        } catch (IOException notThisUsers) {
            sentences.println(notThisUsers.getMessage());
            return USAGE;
        }
        if (found.isEmpty()) {
            return control ? noDaemon(stop) : ServiceSocket.NO_SERVICE;
        }
        try (DaemonConnection daemon = found.get()) {
            if (stop) {
                return stop(daemon);
            }
            if (!daemon.speaksThisProtocol()) {
                return otherProtocol(daemon, control);
            }
            ServiceSocket.Request request = new ServiceSocket.Request(Path.of("").toAbsolutePath(), terminal,
                    interactive, command);
            if (!control && !daemon.hello().build().equals(build)) {
                return otherBuild(daemon, request);
            }
            return handOver(daemon, request);
        }
    }

    private int noDaemon(boolean stop) {
        if (stop) {
            sentences.println(Texts.get("noneToStop", state()));
            return 0;
        }
        new PrintStream(out, true, StandardCharsets.UTF_8).println(Texts.get("notRunning", state()));
        return NOT_RUNNING;
    }

    private int stop(DaemonConnection daemon) {
        long pid = daemon.hello().pid();
        try {
            daemon.quit();
        } catch (IOException gone) {
            // it went away before it answered: whether it is gone is what counts
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (process.isPresent() && process.get().isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (process.isPresent() && process.get().isAlive()) {
            sentences.println(Texts.get("stopSlow", state(), pid, STOP_WAIT.toSeconds()));
            return 1;
        }
        sentences.println(Texts.get("stopped", state(), pid));
        return 0;
    }

    /** A daemon of another protocol is never handed a command: it makes way, or the command runs here. */
    private int otherProtocol(DaemonConnection daemon, boolean control) {
        DaemonHello hello = daemon.hello();
        if (control) {
            new PrintStream(out, true, StandardCharsets.UTF_8).println(Texts.get("otherProtocolRunning", state(),
                    hello.pid(), hello.build(), hello.protocol(), Handshake.PROTOCOL));
            return 0;
        }
        try {
            MakeWayAnswer answer = daemon.makeWay();
            if (answer.going()) {
                sentences.println(Texts.get("otherProtocolMakesWay", state(), hello.build(), hello.protocol(),
                        Handshake.PROTOCOL));
                return ServiceSocket.NO_SERVICE;
            }
            sentences.println(Texts.get("otherProtocolBusy", state(), hello.build(), hello.protocol(),
                    Handshake.PROTOCOL, answer.transfersUnderWay(), answer.otherClients()));
        } catch (IOException gone) {
            return ServiceSocket.NO_SERVICE;
        }
        return ServiceSocket.IN_PROCESS;
    }

    /** Same protocol, another build: an idle daemon makes way for this build's code, a busy one serves. */
    private int otherBuild(DaemonConnection daemon, ServiceSocket.Request request) {
        try {
            if (daemon.makeWay().going()) {
                sentences.println(Texts.get("otherBuildMakesWay", state(), daemon.hello().build(), build));
                return ServiceSocket.NO_SERVICE;
            }
        } catch (IOException gone) {
            return ServiceSocket.NO_SERVICE;
        }
        try (DaemonConnection busy = DaemonConnection.open(socket, build).orElse(null)) {
            // the folder was this user's a moment ago; a daemon gone or replaced meanwhile: the launcher starts one
            return busy == null || !busy.speaksThisProtocol() ? ServiceSocket.NO_SERVICE : handOver(busy, request);
        } catch (IOException notThisUsersNow) {
            return ServiceSocket.NO_SERVICE;
        }
    }

    private int handOver(DaemonConnection daemon, ServiceSocket.Request request) {
        try {
            SocketChannel channel = daemon.run();
            request.writeTo(channel);
            return relay(channel);
        } catch (IOException daemonWentAway) {
            sentences.println(Texts.get("serviceStopped", state()));
            return 1;
        }
    }

    /** Copies the daemon's stdout and stderr frames to ours; @return the command's exit status */
    private int relay(SocketChannel channel) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(1 + Integer.BYTES);
        byte[] payload = new byte[8192];
        while (true) {
            ServiceSocket.readFully(channel, header.clear());
            byte kind = header.get();
            int value = header.getInt();
            if (kind == ServiceSocket.EXIT) {
                return value;
            }
            if (value < 0) {
                throw new EOFException();
            }
            if (payload.length < value) {
                payload = new byte[value];
            }
            ServiceSocket.readFully(channel, ByteBuffer.wrap(payload, 0, value));
            if (kind == ServiceSocket.PROMPT) {
                answer(channel, payload, value);
                continue;
            }
            try {
                (kind == ServiceSocket.STDOUT ? out : err).write(payload, 0, value);
            } catch (IOException readerGone) {
                return BROKEN_PIPE; // e.g. `list | head`: stop quietly, as the tools around us do
            }
        }
    }

    /** Shows a prompt on the console and sends back the line typed (a password without echo). */
    private static void answer(SocketChannel channel, byte[] prompt, int length) throws IOException {
        java.io.Console console = System.console();
        String text = new String(prompt, 1, Math.max(0, length - 1), StandardCharsets.UTF_8);
        String line = null;
        if (console != null && length > 0 && prompt[0] == 1) {
            line = console.readLine("%s", text);
        } else if (console != null && length > 0) {
            char[] password = console.readPassword("%s", text);
            line = password == null ? null : new String(password);
        }
        byte[] bytes = line == null ? new byte[0] : line.getBytes(StandardCharsets.UTF_8);
        ServiceSocket.writeFully(channel, ByteBuffer.allocate(Integer.BYTES + bytes.length)
                .putInt(line == null ? ServiceSocket.NO_ANSWER : bytes.length).put(bytes).flip());
    }

    private Path state() {
        return socket.getParent().getParent();
    }
}
