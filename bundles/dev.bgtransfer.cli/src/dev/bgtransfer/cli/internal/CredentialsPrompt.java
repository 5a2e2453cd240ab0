package dev.bgtransfer.cli.internal;

import java.io.Console;
import java.net.PasswordAuthentication;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;

/** Asks the person at the terminal for the user name and password a server wants. */
@FunctionalInterface
interface CredentialsPrompt {

    /** Never asks: for scripts, and when --user was given. */
    CredentialsPrompt NONE = (host, reason) -> Optional.empty();

    /**
     * @param host   the server that asks
     * @param reason the failure that says so
     * @return what the person entered; empty when they entered no user name
     */
    Optional<PasswordAuthentication> ask(String host, String reason);

    /** @return a prompt on the console, or {@link #NONE} when there is no console */
    static CredentialsPrompt onConsole() {
        Console console = System.console();
        if (console == null) {
            return NONE;
        }
        return (host, reason) -> {
            console.printf("%s%n", reason);
            String user = console.readLine("%s", NLS.bind(Messages.promptUser, host));
            if (user == null || user.isBlank()) {
                return Optional.empty();
            }
            char[] password = console.readPassword("%s", Messages.promptPassword);
            return Optional.of(new PasswordAuthentication(user.strip(), password == null ? new char[0] : password));
        };
    }
}
