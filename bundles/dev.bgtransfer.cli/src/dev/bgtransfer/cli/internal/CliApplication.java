package dev.bgtransfer.cli.internal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.cli.internal.remote.BuildVersion;
import dev.bgtransfer.cli.internal.remote.DaemonClient;
import dev.bgtransfer.cli.internal.remote.DaemonConnection;
import dev.bgtransfer.cli.internal.remote.ServiceSocket;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.remote.internal.server.ApiServer;
import dev.bgtransfer.samples.SampleServer;

/**
 * The headless application {@code dev.bgtransfer.cli.app}: {@code get}, {@code put}, {@code list},
 * {@code resume}, {@code pause}, {@code start}, {@code stop}, {@code remove}, {@code serve} (the daemon),
 * {@code daemon status|stop} and {@code samples} over the {@link TransferService} from the service
 * registry. The launcher runs a command here when no daemon takes it. Exit status 0 when every
 * transfer completed, 1 when any failed, 2 for bad usage. Failures are one line each; details go to
 * the log, never a stack trace to the console.
 */
public final class CliApplication implements IApplication {
    /** Set to {@code true} by the launch script when stderr is a terminal. */
    static final String TERMINAL_PROPERTY = "dev.bgtransfer.cli.terminal";
    /** Set to {@code true} by the launch script when stdin and stderr are terminals: a person can answer. */
    static final String INTERACTIVE_PROPERTY = "dev.bgtransfer.cli.interactive";
    /**
     * Set by the launcher when it runs a command on a state folder here instead of handing it to the
     * daemon: {@value #ASKED} for {@code --no-daemon}, {@value #NO_DAEMON} when none could start.
     */
    static final String IN_PROCESS_PROPERTY = "dev.bgtransfer.cli.inProcess";
    private static final String ASKED = "asked";
    private static final String NO_DAEMON = "noDaemon";
    /** How long a daemon waits for its state folder while another process holds it (one making way ends sooner). */
    private static final Duration DAEMON_LOCK_WAIT = Duration.ofSeconds(10);
    private static final int OK = 0;
    private static final int FAILED = 1;
    static final int USAGE = Usage.STATUS;

    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

    private volatile ServeCommand serving;

    @Override
    public Object start(IApplicationContext context) {
        context.applicationRunning();
        String[] arguments = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        Path defaultState = Usage.defaultState();
        Command command;
        try {
            command = new CommandLineParser(defaultState, Path.of("").toAbsolutePath())
                    .parse(arguments == null ? List.of() : Arrays.asList(arguments));
        } catch (UsageException bad) {
            return Usage.error(bad, err, defaultState);
        }
        return reporting(err, () -> run(command, defaultState));
    }

    private int run(Command command, Path defaultState) throws CommandFailure, InterruptedException {
        return switch (command) {
            case Command.Help help -> {
                out.println(NLS.bind(Messages.usage, defaultState));
                yield OK;
            }
            case Command.Samples samples -> {
                SamplesCommand.configure(samples);
                try (Services services = new Services()) {
                    yield SamplesCommand.serve(require(services.get(SampleServer.class)), out, err);
                }
            }
            case Command.Serve serve -> {
                DaemonApi.requireCoreService(); // the composite would hand background sessions back to this daemon
                Path socket = ServiceSocket.of(serve.state());
                StateFolder.claimForDaemon(serve.state(), DAEMON_LOCK_WAIT, () -> DaemonConnection.answers(socket));
                // bound before the service starts: clients that come meanwhile wait for it, none starts another daemon
                try (DaemonSocket bound = DaemonSocket.bind(socket); Services services = new Services()) {
                    TransferService service = require(services.get(TransferService.class));
                    try (ApiServer api = DaemonApi.serve(service, ServiceSocket.apiOf(serve.state()))) {
                        serving = new ServeCommand(serve, bound, api, service, err);
                        yield serving.serve();
                    }
                }
            }
            case Command.DaemonControl control -> {
                String action = control instanceof Command.DaemonStop ? "stop" : "status"; //$NON-NLS-1$ //$NON-NLS-2$
                yield new DaemonClient(ServiceSocket.of(control.state()), BuildVersion.current(), out, err)
                        .run(List.of("daemon", action), false, false); //$NON-NLS-1$
            }
            case Command.OnStore onStore -> {
                sayWhyInProcess(onStore.state());
                StateFolder.claim(onStore.state());
                try (Services services = new Services()) {
                    TransferService service = require(services.get(TransferService.class));
                    CredentialsPrompt prompt = Boolean.getBoolean(INTERACTIVE_PROPERTY) ? CredentialsPrompt.onConsole()
                            : CredentialsPrompt.NONE;
                    yield new TransferCommands(service, false)
                            .run(onStore, new Console(out, err, Boolean.getBoolean(TERMINAL_PROPERTY), prompt));
                }
            }
        };
    }

    /** One line on stderr when the launcher runs the command here rather than in the daemon. */
    private void sayWhyInProcess(Path state) {
        switch (System.getProperty(IN_PROCESS_PROPERTY, "")) {
            case ASKED -> err.println(Messages.inProcessAsked);
            case NO_DAEMON -> err.println(NLS.bind(Messages.inProcessNoDaemon, state.resolve("daemon.log"))); //$NON-NLS-1$
            default -> {
                // handed over, or the client said why
            }
        }
    }

    /** A command as the console sees it. */
    @FunctionalInterface
    interface Body {
        int run() throws CommandFailure, InterruptedException;
    }

    /** @return the exit status of {@code body}, or 1 when it failed: one line for a person, a bug logged */
    static int reporting(PrintStream err, Body body) {
        try {
            return body.run();
        } catch (CommandFailure failure) {
            err.println(failure.getMessage());
            return failure.status();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return FAILED;
        } catch (UncheckedIOException storeRefused) {
            // the service could not store a transfer (a full disk): its sentence says what to do
            err.println(NLS.bind(Messages.storeRefused, storeRefused.getCause().getMessage()));
            return FAILED;
        } catch (RuntimeException bug) {
            ILog.of(CliApplication.class).error(bug.toString(), bug);
            err.println(NLS.bind(Messages.failedInternally, bug.getClass().getSimpleName(), logFolder()));
            return FAILED;
        }
    }

    private static <S> S require(S service) throws CommandFailure {
        if (service == null) {
            throw new CommandFailure(NLS.bind(Messages.serviceMissing, logFolder()));
        }
        return service;
    }

    private static String logFolder() {
        String instance = System.getProperty("osgi.instance.area");
        return instance == null ? System.getProperty("osgi.configuration.area", "?") : instance;
    }

    @Override
    public void stop() {
        // commands end by themselves, serve when told; the framework's shutdown pauses running transfers
        ServeCommand served = serving;
        if (served != null) {
            served.stop();
        }
    }
}
