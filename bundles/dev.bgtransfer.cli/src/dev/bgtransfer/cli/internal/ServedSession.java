package dev.bgtransfer.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.cli.internal.remote.ServiceSocket;

/**
 * One client of {@code serve}: reads its command, runs it with the client's stdout and stderr as
 * the console, and answers with the exit status. When the client goes away (Ctrl+C), the command
 * is given up and what it waited for is paused, as when a command of its own process is stopped.
 */
final class ServedSession implements Runnable {
    private final SocketChannel client;
    private final Path state;
    private final TransferCommands commands;
    private final AtomicBoolean answered = new AtomicBoolean();

    ServedSession(SocketChannel client, Path state, TransferCommands commands) {
        this.client = client;
        this.state = state;
        this.commands = commands;
    }

    @Override
    public void run() {
        try (client) {
            ServiceSocket.Request request = ServiceSocket.Request.readFrom(client);
            PrintStream out = frames(ServiceSocket.STDOUT);
            PrintStream err = frames(ServiceSocket.STDERR);
            int status = answer(request, new Console(out, err, request.terminal(), CredentialsPrompt.NONE));
            out.flush();
            err.flush();
            answered.set(true);
            ServiceSocket.writeExit(client, status);
        } catch (IOException clientGone) {
            // nobody to answer
        }
    }

    private int answer(ServiceSocket.Request request, Console console) {
        Command command;
        try {
            command = new CommandLineParser(state, request.workingDirectory()).parse(request.arguments());
        } catch (UsageException bad) {
            return CliApplication.usageError(bad, console.err(), state);
        }
        if (!(command instanceof Command.OnStore onStore)) {
            console.err().println(NLS.bind(Messages.notForService, request.arguments().get(0)));
            return CliApplication.USAGE;
        }
        if (!onStore.state().equals(state)) {
            return ServiceSocket.NO_SERVICE; // another folder's command: the client runs it itself
        }
        watchForHangUp(Thread.currentThread());
        return CliApplication.reporting(console.err(), () -> commands.run(onStore, console));
    }

    /** The client sends nothing after its request: the end of its stream means it went away. */
    private void watchForHangUp(Thread worker) {
        Thread.ofVirtual().name("bgtransfer client watch").start(() -> {
            try {
                while (client.read(ByteBuffer.allocate(1)) >= 0) {
                    // a client of this version sends nothing more
                }
            } catch (IOException closed) {
                // gone as well
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
