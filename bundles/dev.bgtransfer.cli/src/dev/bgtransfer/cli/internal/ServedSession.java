package dev.bgtransfer.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.cli.internal.remote.Handshake;
import dev.bgtransfer.cli.internal.remote.Handshake.ClientHello;
import dev.bgtransfer.cli.internal.remote.ServiceSocket;

/**
 * One client of the daemon, counted among its clients from the moment it was accepted until it is
 * gone: its hello answered, then one operation. A command is read and run with
 * the client's stdout and stderr as the console, and answered with the exit status. When the client
 * goes away (Ctrl+C), the command is given up and what it waited for is paused, as when a command of
 * its own process is stopped.
 */
final class ServedSession implements Runnable {
    private final SocketChannel client;
    private final ServeCommand daemon;
    private final AtomicBoolean answered = new AtomicBoolean();

    ServedSession(SocketChannel client, ServeCommand daemon) {
        this.client = client;
        this.daemon = daemon;
    }

    @Override
    public void run() {
        try (client) {
            int first = Handshake.readInt(client);
            if (first != Handshake.MAGIC) {
                ServiceSocket.answerEarlierClient(client, first, daemon.state(), daemon.hello().pid());
                return;
            }
            ClientHello hello = ClientHello.readAfterMagic(client);
            daemon.hello().writeTo(client);
            switch (Handshake.readOperation(client)) {
                case Handshake.RUN -> {
                    if (hello.protocol() == Handshake.PROTOCOL) {
                        runCommand();
                    }
                }
                case Handshake.MAKE_WAY -> daemon.makeWay().writeTo(client);
                case Handshake.QUIT -> {
                    Handshake.writeOperation(client, (byte) 1);
                    daemon.quit();
                }
                default -> {
                    // an operation of a later protocol: nothing to answer
                }
            }
        } catch (IOException clientGone) {
            // nobody to answer
        } finally {
            daemon.clientLeft();
        }
    }

    private void runCommand() throws IOException {
        ServiceSocket.Request request = ServiceSocket.Request.readFrom(client);
        PrintStream out = frames(ServiceSocket.STDOUT);
        PrintStream err = frames(ServiceSocket.STDERR);
        RemotePrompt prompt = new RemotePrompt(client, err);
        readAnswers(prompt, Thread.currentThread());
        int status = answer(request, new Console(out, err, request.terminal(),
                request.interactive() ? prompt : CredentialsPrompt.NONE));
        out.flush();
        err.flush();
        answered.set(true);
        ServiceSocket.writeExit(client, status);
    }

    private int answer(ServiceSocket.Request request, Console console) {
        Path state = daemon.state();
        Command command;
        try {
            command = new CommandLineParser(state, request.workingDirectory()).parse(request.arguments());
        } catch (UsageException bad) {
            return Usage.error(bad, console.err(), Usage.defaultState());
        }
        return switch (command) {
            case Command.OnStore onStore when !onStore.state().equals(state) ->
                ServiceSocket.NO_SERVICE; // another folder's command: the client runs it itself
            case Command.OnStore onStore -> {
                yield CliApplication.reporting(console.err(), () -> daemon.commands().run(onStore, console));
            }
            case Command.DaemonStatus status when status.state().equals(state) -> {
                daemon.status().print(console.out());
                yield 0;
            }
            case Command.DaemonStop stop when stop.state().equals(state) -> {
                daemon.quit();
                yield 0;
            }
            default -> {
                console.err().println(NLS.bind(Messages.notForService, request.arguments().get(0)));
                yield CliApplication.USAGE;
            }
        };
    }

    /**
     * After its request a client sends only the answers to prompts; the end of its stream means it
     * went away, and the command is given up.
     */
    private void readAnswers(RemotePrompt prompt, Thread worker) {
        Thread.ofVirtual().name("bgtransfer client input").start(() -> {
            try {
                while (true) {
                    int length = Handshake.readInt(client);
                    prompt.answered(length < 0 ? Optional.empty()
                            : Optional.of(new String(ServiceSocket.readBytes(client, length), StandardCharsets.UTF_8)));
                }
            } catch (IOException closed) {
                prompt.answered(Optional.empty());
            }
            if (!answered.get()) {
                worker.interrupt();
            }
        });
    }

    private PrintStream frames(byte kind) {
        return new PrintStream(new FrameOutput(kind), true, StandardCharsets.UTF_8);
    }

    /** Bytes written become frames of one kind on the client's socket. */
    private final class FrameOutput extends OutputStream {
        private final byte kind;

        FrameOutput(byte kind) {
            this.kind = kind;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            synchronized (client) {
                ServiceSocket.writeFrame(client, kind, bytes, offset, length);
            }
        }
    }
}
