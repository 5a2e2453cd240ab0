package dev.bgtransfer.app.internal.remote;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire between a command-line client and a running {@code bgtransfer serve}: one request
 * (working folder, whether stderr is a terminal, the arguments), answered by frames of stdout
 * bytes, stderr bytes and finally the exit status. Only the JDK, so that the client starts
 * without the OSGi framework. The socket lives in a folder only its owner can enter.
 */
public final class ServiceSocket {
    /** The client's exit status when no service answers: the launcher then runs the command itself. */
    public static final int NO_SERVICE = 75;
    /** Frame kinds from the service. */
    public static final byte STDOUT = 1;
    public static final byte STDERR = 2;
    public static final byte EXIT = 3;

    private static final int MAGIC = 0x42475431; // "BGT1"
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
                data.writeUTF(workingDirectory.toString());
                data.writeBoolean(terminal);
                data.writeInt(arguments.size());
                for (String argument : arguments) {
                    data.writeUTF(argument);
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
            Path workingDirectory = Path.of(data.readUTF());
            boolean terminal = data.readBoolean();
            int count = data.readInt();
            List<String> arguments = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                arguments.add(data.readUTF());
            }
            return new Request(workingDirectory, terminal, arguments);
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
