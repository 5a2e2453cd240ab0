package dev.bgtransfer.cli.internal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a command line as the application would, in a plain JVM (this bundle's, the core's and the
 * framework's jars on the class path, no framework started): the launcher asks it before it starts
 * a daemon, so that a command refused for bad usage starts nothing and writes nothing, as it
 * would by itself. Exit status 0 when the command line is good, else 2 with what is wrong and the usage.
 */
public final class UsageCheck {

    private UsageCheck() {
    }

    public static void main(String[] arguments) {
        Path defaultState = Usage.defaultState();
        int status = 0;
        try {
            new CommandLineParser(defaultState, Path.of("").toAbsolutePath()).parse(Arrays.asList(arguments));
        } catch (UsageException bad) {
            PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            status = Usage.error(bad, err, defaultState);
        }
        Runtime.getRuntime().halt(status);
    }
}
