package dev.bgtransfer.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.cli.internal.remote.BuildVersion;
import dev.bgtransfer.cli.internal.remote.Handshake;
import dev.bgtransfer.cli.internal.remote.Handshake.DaemonHello;
import dev.bgtransfer.cli.internal.remote.Handshake.MakeWayAnswer;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.remote.internal.server.ApiServer;

/**
 * {@code serve}: the daemon of a state folder. Keeps the folder's transfer service running and takes
 * the commands that clients hand it over its {@link DaemonSocket}, so that they start in a few
 * hundredths of a second instead of starting the framework and the service each time; serves the
 * service's API on its {@link DaemonApi} socket to workbenches, whose clients keep it from its idle
 * exit as the command line's do. The launcher
 * starts one on demand with an idle exit; one that a person starts runs until stopped, unless told
 * otherwise. What it says about itself goes to stderr, one line each with the time: the launcher's
 * daemons write it to {@code daemon.log} in the state folder.
 */
final class ServeCommand {
    private final Command.Serve serve;
    private final DaemonSocket socket;
    private final ApiServer api;
    private final TransferService service;
    private final TransferCommands commands;
    private final PrintStream log;
    private final Instant started = Instant.now();
    private final long pid = ProcessHandle.current().pid();
    private final String build = BuildVersion.current();
    private int clients; // guarded by this
    private boolean ending; // guarded by this

    ServeCommand(Command.Serve serve, DaemonSocket socket, ApiServer api, TransferService service, PrintStream log) {
        this.serve = serve;
        this.socket = socket;
        this.api = api;
        this.service = service;
        this.commands = new TransferCommands(service, true);
        this.log = log;
    }

    /** Serves until it is stopped, or idle for its idle exit; @return the exit status */
    int serve() throws CommandFailure {
        String ending = serve.idleExit().map(idle -> NLS.bind(Messages.idleExitAfter, idle.toSeconds()))
                .orElse(Messages.noIdleExit);
        say(NLS.bind(Messages.serving, new Object[] { state(), pid, build, socket.path(), ending, api.socket() }));
        serve.idleExit().ifPresent(idle -> new IdleWatch(idle, this::busy, this::exitIfIdle).start());
        try {
            while (true) {
                SocketChannel client = socket.accept(this::say);
                clientCame(); // at once: an idle exit now would cut it off
                Thread.ofPlatform().daemon().name("bgtransfer client").start(new ServedSession(client, this));
            }
        } catch (AsynchronousCloseException stopped) {
            return 0;
        } catch (IOException broken) {
            throw new CommandFailure(NLS.bind(Messages.serveUnusable, socket.path(), broken.getMessage()));
        } finally {
            socket.close();
        }
    }

    /** Stops taking commands (the framework is shutting down); those being run end with the service. */
    void stop() {
        end(Messages.endShutdown);
    }

    Path state() {
        return serve.state();
    }

    TransferCommands commands() {
        return commands;
    }

    synchronized DaemonHello hello() {
        return new DaemonHello(Handshake.PROTOCOL, !ending, pid, build);
    }

    private synchronized void clientCame() {
        clients++;
    }

    synchronized void clientLeft() {
        clients--;
    }

    /**
     * A client of another build or protocol asks for its own daemon: granted when this one is idle
     * but for that client.
     */
    synchronized MakeWayAnswer makeWay() {
        int underWay = transfersUnderWay();
        int otherClients = clients - 1 + api.clientCount();
        if (otherClients > 0 || underWay > 0) {
            return new MakeWayAnswer(false, underWay, otherClients);
        }
        end(Messages.endMakeWay);
        return new MakeWayAnswer(true, 0, 0);
    }

    /** {@code daemon stop}: what is under way stays so in the store, and continues when a daemon next starts. */
    void quit() {
        end(Messages.endAsked);
    }

    /** @return what {@code daemon status} prints, for a client that counts itself among the clients */
    synchronized DaemonStatus status() {
        List<Transfer> unfinished = service.unfinished();
        long underWay = unfinished.stream().filter(transfer -> transfer.state().isActive()).count();
        return new DaemonStatus(state(), pid, build, Duration.between(started, Instant.now()), underWay,
                unfinished.size(), clients - 1, api.socket(), api.clientCount(), serve.idleExit());
    }

    private synchronized boolean busy() {
        return clients > 0 || api.clientCount() > 0 || transfersUnderWay() > 0;
    }

    private synchronized boolean exitIfIdle() {
        if (busy()) {
            return false;
        }
        end(NLS.bind(Messages.endIdle, serve.idleExit().orElseThrow().toSeconds()));
        return true;
    }

    private int transfersUnderWay() {
        return (int) service.unfinished().stream().filter(transfer -> transfer.state().isActive()).count();
    }

    private synchronized void end(String why) {
        if (!ending) {
            ending = true;
            say(why);
            socket.close();
        }
    }

    private void say(String sentence) {
        log.println(OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + sentence);
    }
}
