package dev.bgtransfer.cli.internal;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.samples.SampleServer;

/**
 * The headless application {@code dev.bgtransfer.cli.app}: {@code get}, {@code put}, {@code list},
 * {@code resume}, {@code serve} and {@code samples} over the {@link TransferService} from the service registry.
 * Exit status 0 when every transfer completed, 1 when any failed, 2 for bad usage. Failures are
 * one line each; details go to the log, never a stack trace to the console.
 */
public final class CliApplication implements IApplication {
    /** Set to {@code true} by the launch script when stderr is a terminal. */
    static final String TERMINAL_PROPERTY = "dev.bgtransfer.cli.terminal";
    /** Set to {@code true} by the launch script when stdin and stderr are terminals: a person can answer. */
    static final String INTERACTIVE_PROPERTY = "dev.bgtransfer.cli.interactive";
    private static final int OK = 0;
    private static final int FAILED = 1;
    static final int USAGE = 2;

    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

    private volatile ServeCommand serving;

    @Override
    public Object start(IApplicationContext context) {
        context.applicationRunning();
        String[] arguments = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        Path defaultState = defaultState();
        Command command;
        try {
            command = new CommandLineParser(defaultState, Path.of("").toAbsolutePath())
                    .parse(arguments == null ? List.of() : Arrays.asList(arguments));
        } catch (UsageException bad) {
            return usageError(bad, err, defaultState);
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
                StateFolder.claim(serve.state());
                try (Services services = new Services()) {
                    TransferService service = require(services.get(TransferService.class));
                    serving = new ServeCommand(serve.state(), new TransferCommands(service));
                    yield serving.serve(err);
                }
            }
            case Command.OnStore onStore -> {
                StateFolder.claim(onStore.state());
                try (Services services = new Services()) {
                    TransferService service = require(services.get(TransferService.class));
                    CredentialsPrompt prompt = Boolean.getBoolean(INTERACTIVE_PROPERTY) ? CredentialsPrompt.onConsole()
                            : CredentialsPrompt.NONE;
                    yield new TransferCommands(service)
                            .run(onStore, new Console(out, err, Boolean.getBoolean(TERMINAL_PROPERTY), prompt));
                }
            }
        };
    }

    /** Prints what is wrong with the command line and the usage; @return the exit status for bad usage */
    static int usageError(UsageException bad, PrintStream err, Path defaultState) {
        err.println(NLS.bind(Messages.usageError, bad.getMessage()));
        err.println();
        err.println(NLS.bind(Messages.usage, defaultState));
        return USAGE;
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
            return FAILED;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
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

    private static Path defaultState() {
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("bgtransfer");
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
