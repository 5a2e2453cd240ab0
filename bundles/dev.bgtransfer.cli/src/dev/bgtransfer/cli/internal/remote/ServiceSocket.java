package dev.bgtransfer.cli.internal.remote;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire between a command-line client and the daemon of a state folder ({@code bgtransfer serve}),
 * protocol {@value Handshake#PROTOCOL}, spoken after the {@link Handshake} and its {@link Handshake#RUN}:
 * one request (working folder, whether stderr is a terminal, whether a person can answer there, the
 * arguments), answered by frames of stdout bytes, stderr bytes, prompts and finally the exit status;
 * the client answers each prompt with a line it read (on a terminal, a password without echo). Only the JDK, so that the client starts
 * without the OSGi framework. The socket lives in a folder only its owner can enter.
 * <p>
 * Every number is a big-endian 32-bit integer, every text its UTF-8 length and bytes, so that the
 * launcher's Perl client ({@code releng/scripts/service-client.pl}) speaks it as well:
 * <pre>
 * request: length, then working folder, terminal (one byte, 0 or 1), interactive (one byte), count, arguments
 * answer:  frames of kind (one byte: STDOUT, STDERR, PROMPT) and length, then the bytes; EXIT and the status
 * prompt:  its bytes are echo (one byte, 0 for a password) and the text to show; the client answers with
 *          the line's length and its UTF-8 bytes, or {@link #NO_ANSWER}
 * </pre>
 * Clients before the handshake (protocol 2) sent the request at once, its body starting with the
 * magic "BGT2", and read the same frames: {@link #answerEarlierClient} tells them in a sentence.
 */
public final class ServiceSocket {
    /** The client's exit status when no daemon answers: the launcher starts one, or runs the command itself. */
    public static final int NO_SERVICE = 75;
    /** The client's exit status when the command is to run in the launcher's process; the client said why. */
    public static final int IN_PROCESS = 76;
    /** Frame kinds from the service. */
    public static final byte STDOUT = 1;
    public static final byte STDERR = 2;
    public static final byte EXIT = 3;
    public static final byte PROMPT = 4;
    /** The length a client answers a prompt with when nobody answered (end of input). */
    public static final int NO_ANSWER = -1;

    private static final int MAX_REQUEST = 1 << 20;

    private ServiceSocket() {
    }

    /** @return the folder of the socket of the service that serves {@code stateFolder} */
    public static Path folderOf(Path stateFolder) {
        return stateFolder.resolve(".service");
    }

    /** @return the socket of the service that serves {@code stateFolder} */
    public static Path of(Path stateFolder) {
        return folderOf(stateFolder).resolve("socket");
    }

    /**
     * @return the socket on which the daemon of {@code stateFolder} serves the {@code TransferService}
     *         API itself, to a workbench's background sessions (not this wire)
     */
    public static Path apiOf(Path stateFolder) {
        return folderOf(stateFolder).resolve("api");
    }

    /**
     * What a client asks the daemon to run.
     *
     * @param terminal    whether the client's stderr is a terminal
     * @param interactive whether a person can answer a prompt there (stdin and stderr are terminals)
     */
    public record Request(Path workingDirectory, boolean terminal, boolean interactive, List<String> arguments) {

        public Request {
            arguments = List.copyOf(arguments);
        }

        public void writeTo(SocketChannel channel) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream data = new DataOutputStream(bytes)) {
                writeText(data, workingDirectory.toString());
                data.writeBoolean(terminal);
                data.writeBoolean(interactive);
                data.writeInt(arguments.size());
                for (String argument : arguments) {
                    writeText(data, argument);
                }
            }
            ByteBuffer frame = ByteBuffer.allocate(Integer.BYTES + bytes.size());
            frame.putInt(bytes.size()).put(bytes.toByteArray()).flip();
            writeFully(channel, frame);
        }

        /** @throws IOException when the peer is not a client of this protocol */
        public static Request readFrom(SocketChannel channel) throws IOException {
            DataInputStream data = new DataInputStream(new ByteArrayInputStream(readBody(channel,
                    Handshake.readInt(channel))));
            Path workingDirectory = Path.of(readText(data));
            boolean terminal = data.readBoolean();
            boolean interactive = data.readBoolean();
            int count = data.readInt();
            if (count < 0 || count > data.available()) {
                throw new IOException("Not a bgtransfer request");
            }
            List<String> arguments = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                arguments.add(readText(data));
            }
            return new Request(workingDirectory, terminal, interactive, arguments);
        }

        private static void writeText(DataOutputStream data, String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            data.writeInt(bytes.length);
            data.write(bytes);
        }

        private static String readText(DataInputStream data) throws IOException {
            int length = data.readInt();
            if (length < 0 || length > data.available()) {
                throw new IOException("Not a bgtransfer request");
            }
            return new String(data.readNBytes(length), StandardCharsets.UTF_8);
        }
    }

    /**
     * Answers a client from before the handshake, whose request began with {@code length}: reads it,
     * then tells it on its stderr that it is older than the daemon of {@code state}, exit status 1.
     */
    public static void answerEarlierClient(SocketChannel channel, int length, Path state, long pid)
            throws IOException {
        readBody(channel, length);
        String sentence = Texts.get("earlierClient", state, Handshake.PROTOCOL, pid);
        byte[] text = (sentence + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        writeFrame(channel, STDERR, text, 0, text.length);
        writeExit(channel, 1);
    }

    private static byte[] readBody(SocketChannel channel, int length) throws IOException {
        if (length <= 0) {
            throw new IOException("Not a bgtransfer request");
        }
        return readBytes(channel, length);
    }

    /** @return the {@code length} bytes that come next (at most 1 MiB) */
    public static byte[] readBytes(SocketChannel channel, int length) throws IOException {
        if (length < 0 || length > MAX_REQUEST) {
            throw new IOException("Not a bgtransfer message");
        }
        return readFully(channel, ByteBuffer.allocate(length)).array();
    }

    /** Writes one frame of {@code kind} carrying {@code length} bytes from {@code bytes}. */
    public static void writeFrame(SocketChannel channel, byte kind, byte[] bytes, int offset, int length)
            throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(1 + Integer.BYTES + length);
        frame.put(kind).putInt(length).put(bytes, offset, length).flip();
        writeFully(channel, frame);
    }

    /** Writes the exit frame. */
    public static void writeExit(SocketChannel channel, int status) throws IOException {
        writeFully(channel, ByteBuffer.allocate(1 + Integer.BYTES).put(EXIT).putInt(status).flip());
    }

    static ByteBuffer readFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException();
            }
        }
        return buffer.flip();
    }

    static void writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
