package dev.bgtransfer.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.junit.ServiceTest;

/**
 * Commands of the command line run in this process against the real service and the test server;
 * the working folder is the test's folder. Each test ends with the command line's session reset.
 */
abstract class CommandLineTest extends ServiceTest {
    protected InProcessCli cli;

    @BeforeEach
    void commandLine() {
        cli = new InProcessCli(fixture.service(), folder);
    }

    @AfterEach
    void resetCommandLineSession() {
        commandLineSession().reset();
    }

    /** @return the transfers the commands started */
    protected List<Transfer> commandLineTransfers() {
        return commandLineSession().transfers();
    }

    private TransferSession commandLineSession() {
        return fixture.service().session(CommandLineSession.IDENTIFIER,
                SessionConfiguration.of(SessionKind.BACKGROUND));
    }

    /** @return a new file of {@code size} pseudo-random bytes in the working folder */
    protected Path file(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(folder.resolve(name), bytes);
    }
}
