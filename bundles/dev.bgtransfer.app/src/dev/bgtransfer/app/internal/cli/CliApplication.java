package dev.bgtransfer.app.internal.cli;

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
 * The headless application {@code dev.bgtransfer.app.cli}: {@code get}, {@code list},
 * {@code resume} and {@code samples} over the {@link TransferService} from the service registry.
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
    private static final int USAGE = 2;

    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

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
            err.println(NLS.bind(Messages.usageError, bad.getMessage()));
            err.println();
            err.println(NLS.bind(Messages.usage, defaultState));
            return USAGE;
        }
        try {
            return run(command, defaultState);
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
            case Command.ListTransfers list -> {
                StateFolder.claim(list.state());
                try (Services services = new Services()) {
                    yield ListCommand.run(require(services.get(TransferService.class)), list.state(), out);
                }
            }
            case Command.Get get -> {
                StateFolder.claim(get.state());
                try (Services services = new Services()) {
                    TransferService service = require(services.get(TransferService.class));
                    CredentialsPrompt prompt = get.user().isPresent() ? CredentialsPrompt.NONE : prompt();
                    yield transferRun(service, get.quiet(), prompt).await(new GetCommand(service).start(get));
                }
            }
            case Command.Resume resume -> {
                StateFolder.claim(resume.state());
                try (Services services = new Services()) {
                    TransferService service = require(services.get(TransferService.class));
                    List<Long> ids = ResumeCommand.start(service);
                    if (ids.isEmpty()) {
                        err.println(Messages.nothingToResume);
                        yield OK;
                    }
                    yield transferRun(service, resume.quiet(), prompt()).await(ids);
                }
            }
        };
    }

    private TransferRun transferRun(TransferService service, boolean quiet, CredentialsPrompt prompt) {
        return new TransferRun(service, out, err,
                ProgressDisplay.create(quiet, Boolean.getBoolean(TERMINAL_PROPERTY), err), prompt);
    }

    private static CredentialsPrompt prompt() {
        return Boolean.getBoolean(INTERACTIVE_PROPERTY) ? CredentialsPrompt.onConsole() : CredentialsPrompt.NONE;
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
        // the command ends by itself; the framework's shutdown pauses running transfers
    }
}
