package dev.bgtransfer.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.PasswordAuthentication;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.cli.internal.remote.ServiceSocket;

/**
 * Asks the person at a client's terminal for the user name and password a server wants, as
 * {@link CredentialsPrompt#onConsole()} does in a command's own process: the daemon sends the prompts,
 * the client shows them (the password without echo) and sends back the lines typed.
 */
final class RemotePrompt implements CredentialsPrompt {
    private final SocketChannel client;
    private final PrintStream err;
    private final BlockingQueue<Optional<String>> answers = new LinkedBlockingQueue<>();

    /** @param err the client's stderr, for the reason the server gave */
    RemotePrompt(SocketChannel client, PrintStream err) {
        this.client = client;
        this.err = err;
    }

    /** A line the client read, or empty when its input ended or it went away. */
    void answered(Optional<String> line) {
        answers.add(line);
    }

    @Override
    public Optional<PasswordAuthentication> ask(String host, String reason) {
        err.println(reason);
        Optional<String> user = ask(true, NLS.bind(Messages.promptUser, host));
        if (user.isEmpty() || user.get().isBlank()) {
            return Optional.empty();
        }
        String password = ask(false, Messages.promptPassword).orElse("");
        return Optional.of(new PasswordAuthentication(user.get().strip(), password.toCharArray()));
    }

    private Optional<String> ask(boolean echo, String prompt) {
        byte[] text = prompt.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[1 + text.length];
        frame[0] = (byte) (echo ? 1 : 0);
        System.arraycopy(text, 0, frame, 1, text.length);
        try {
            synchronized (client) {
                ServiceSocket.writeFrame(client, ServiceSocket.PROMPT, frame, 0, frame.length);
            }
            return answers.take();
        } catch (IOException clientGone) {
            return Optional.empty();
        } catch (InterruptedException givenUp) {
            Thread.currentThread().interrupt(); // the command ends: its client went away
            return Optional.empty();
        }
    }
}
