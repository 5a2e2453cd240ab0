package dev.bgtransfer.cli.internal;

import java.io.PrintStream;

/**
 * Where a command prints and whom it may ask: this process's own stdout and stderr, or those of a
 * client of the background service.
 *
 * @param terminal whether {@code err} is a terminal (progress redrawn in place)
 * @param prompt   asks for credentials a server wants, or never asks
 */
record Console(PrintStream out, PrintStream err, boolean terminal, CredentialsPrompt prompt) {
}
