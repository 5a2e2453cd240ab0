package dev.bgtransfer.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import dev.bgtransfer.core.TransferService;

/**
 * Runs a command line in this process as the application and {@code serve} run it: read by the
 * parser, refused with the usage (exit 2), or run with its failures reported; stdout and stderr kept.
 */
final class InProcessCli {
    private final TransferService service;
    private final Path workingDirectory;
    private final Path state;

    /** What a command printed and its exit status. */
    record Result(int status, String out, String err) {
    }

    InProcessCli(TransferService service, Path workingDirectory) {
        this.service = service;
        this.workingDirectory = workingDirectory;
        this.state = workingDirectory.resolve("state");
    }

    Result run(String... arguments) {
        Output output = new Output();
        try {
            return output.result(run(parse(arguments), output));
        } catch (UsageException bad) {
            return output.result(Usage.error(bad, output.err, state));
        }
    }

    /** Reads a command as the parser does, for a test that changes the world before it runs. */
    Command.OnStore parse(String... arguments) throws UsageException {
        return (Command.OnStore) new CommandLineParser(state, workingDirectory).parse(List.of(arguments));
    }

    Result run(Command.OnStore command) {
        Output output = new Output();
        return output.result(run(command, output));
    }

    private int run(Command.OnStore command, Output output) {
        Console console = new Console(output.out, output.err, false, CredentialsPrompt.NONE);
        return CliApplication.reporting(output.err, () -> new TransferCommands(service, false).run(command, console));
    }

    /** A command's stdout and stderr. */
    private static final class Output {
        private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

        Result result(int status) {
            return new Result(status, outBytes.toString(StandardCharsets.UTF_8),
                    errBytes.toString(StandardCharsets.UTF_8));
        }
    }
}
