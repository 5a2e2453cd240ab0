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
 * The wire between a command-line client and a running {@code bgtransfer serve}: one request
 * (working folder, whether stderr is a terminal, the arguments), answered by frames of stdout
 * bytes, stderr bytes and finally the exit status. Only the JDK, so that the client starts
 * without the OSGi framework. The socket lives in a folder only its owner can enter.
 * <p>
 * Every number is a big-endian 32-bit integer, every text its UTF-8 length and bytes, so that the
 * launcher's Perl client ({@code releng/scripts/service-client.pl}) speaks it as well:
 * <pre>
 * request: length, then MAGIC, working folder, terminal (one byte, 0 or 1), count, arguments
 * answer:  frames of kind (one byte: STDOUT, STDERR) and length, then the bytes; EXIT and the status
 * </pre>
 */
public final class ServiceSocket {
    /** The client's exit status when no service answers: the launcher then runs the command itself. */
    public static final int NO_SERVICE = 75;
    /** Frame kinds from the service. */
    public static final byte STDOUT = 1;
    public static final byte STDERR = 2;
    public static final byte EXIT = 3;

    private static final int MAGIC = 0x42475432; // "BGT2"
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

    /** What a client asks the service to run. */
    public record Request(Path workingDirectory, boolean terminal, List<String> arguments) {

        public Request {
            arguments = List.copyOf(arguments);
        }

        public void writeTo(SocketChannel channel) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream data = new DataOutputStream(bytes)) {
                data.writeInt(MAGIC);
                writeText(data, workingDirectory.toString());
                data.writeBoolean(terminal);
                data.writeInt(arguments.size());
                for (String argument : arguments) {
                    writeText(data, argument);
                }
            }
            ByteBuffer frame = ByteBuffer.allocate(Integer.BYTES + bytes.size());
            frame.putInt(bytes.size()).put(bytes.toByteArray()).flip();
            writeFully(channel, frame);
        }

        /** @throws IOException when the peer is not a client of this version */
        public static Request readFrom(SocketChannel channel) throws IOException {
            int length = readFully(channel, ByteBuffer.allocate(Integer.BYTES)).getInt();
            if (length <= 0 || length > MAX_REQUEST) {
                throw new IOException("Not a bgtransfer request");
            }
            DataInputStream data = new DataInputStream(
                    new ByteArrayInputStream(readFully(channel, ByteBuffer.allocate(length)).array()));
            if (data.readInt() != MAGIC) {
                throw new IOException("Not a bgtransfer request of this version");
            }
            Path workingDirectory = Path.of(readText(data));
            boolean terminal = data.readBoolean();
            int count = data.readInt();
            if (count < 0 || count > length) {
                throw new IOException("Not a bgtransfer request");
            }
            List<String> arguments = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                arguments.add(readText(data));
            }
            return new Request(workingDirectory, terminal, arguments);
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

    private static void writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
