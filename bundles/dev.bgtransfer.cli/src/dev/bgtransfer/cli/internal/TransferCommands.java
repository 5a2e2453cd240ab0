package dev.bgtransfer.cli.internal;

import java.util.List;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TransferService;

/**
 * Runs {@code get}, {@code put}, {@code list}, {@code log}, {@code resume}, {@code wait}, {@code pause}, {@code start},
 * {@code stop}, {@code remove}, {@code change-url} and {@code limit} against a transfer service, for this process's console or for a
 * client of the daemon alike.
 */
final class TransferCommands {
    private final TransferService service;
    private final boolean daemon;

    /**
     * @param daemon whether the service outlives the commands (the daemon's): then {@code start}
     *               returns at once, where a command run by itself waits for what it started, as
     *               nothing would run it once the command ends
     */
    TransferCommands(TransferService service, boolean daemon) {
        this.service = service;
        this.daemon = daemon;
    }

    /**
     * @return the exit status: 0 when every transfer completed (or, for the operations by id, when they
     *         were done), 1 when any did not, 2 for a file that cannot be uploaded or an id that names
     *         no transfer
     */
    int run(Command.OnStore command, Console console) throws InterruptedException {
        return switch (command) {
            case Command.ListTransfers list -> ListCommand.run(service, list.state(), list.json(), console.out());
            case Command.Log log -> {
                if (!new ByIdCommand(service).allKnown(List.of(log.id()), log.state(), console)) {
                    yield CliApplication.USAGE;
                }
                yield LogCommand.run(service, log.id(), log.json(), console.out());
            }
            case Command.Wait wait -> {
                if (!new ByIdCommand(service).allKnown(wait.ids(), wait.state(), console)) {
                    yield CliApplication.USAGE;
                }
                yield transferRun(wait.quiet(), console, console.prompt()).awaitOthers(wait.ids());
            }
            case Command.Get get -> {
                CredentialsPrompt prompt = get.user().isPresent() ? CredentialsPrompt.NONE : console.prompt();
                yield transferRun(get.quiet(), console, prompt).await(new GetCommand(service).start(get));
            }
            case Command.Put put -> {
                long id;
                try {
                    id = new PutCommand(service).start(put);
                } catch (IllegalArgumentException cannotUpload) {
                    console.err().println(NLS.bind(Messages.usageError, cannotUpload.getMessage()));
                    yield CliApplication.USAGE;
                }
                yield transferRun(put.quiet(), console, console.prompt()).await(List.of(id));
            }
            case Command.Resume resume -> {
                List<Long> ids = ResumeCommand.start(service);
                if (ids.isEmpty()) {
                    console.err().println(Messages.nothingToResume);
                    yield 0;
                }
                yield transferRun(resume.quiet(), console, console.prompt()).await(ids);
            }
            case Command.ChangeUrl change -> {
                if (!new ByIdCommand(service).allKnown(List.of(change.id()), change.state(), console)) {
                    yield CliApplication.USAGE;
                }
                try {
                    service.changeUrl(change.id(), change.url());
                    yield 0;
                } catch (IllegalArgumentException refused) {
                    console.err().println(NLS.bind(Messages.usageError, refused.getMessage()));
                    yield CliApplication.USAGE;
                }
            }
            case Command.Limit limit -> {
                if (!new ByIdCommand(service).allKnown(limit.ids(), limit.state(), console)) {
                    yield CliApplication.USAGE;
                }
                limit.ids().forEach(id -> service.setRateLimit(id, limit.limit()));
                yield 0;
            }
            case Command.LimitHost host -> {
                new LimitCommand(service).limitHost(host);
                yield 0;
            }
            case Command.LimitSession session -> {
                if (!new LimitCommand(service).limitSession(session, console.err())) {
                    yield CliApplication.USAGE;
                }
                if (!daemon) { // the service, and the session's limit with it, ends with this command
                    console.err().println(NLS.bind(Messages.sessionLimitEndsHere, session.identifier()));
                }
                yield 0;
            }
            case Command.ShowLimits show -> new LimitCommand(service).show(console.out());
            case Command.ById byId -> {
                ByIdCommand byIdCommand = new ByIdCommand(service);
                if (!byIdCommand.allKnown(byId.ids(), byId.state(), console)) {
                    yield CliApplication.USAGE;
                }
                byIdCommand.apply(byId, console.err());
                boolean waits = byId.operation() == Command.Operation.START && !daemon;
                yield waits ? transferRun(false, console, console.prompt()).await(byId.ids()) : 0;
            }
        };
    }

    private TransferRun transferRun(boolean quiet, Console console, CredentialsPrompt prompt) {
        return new TransferRun(service, console.out(), console.err(),
                ProgressDisplay.create(quiet, console.terminal(), console.err()), prompt);
    }
}
