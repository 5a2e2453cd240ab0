package dev.bgtransfer.cli.internal.remote;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The part of the wire that every version of client and daemon speaks alike, so that two of
 * different versions find out before either misreads the other. Frozen: a later version may add a
 * protocol behind {@link #RUN}, never change what is here.
 * <pre>
 * client: MAGIC, protocol, build                          (the client's hello)
 * daemon: MAGIC, protocol, accepting (byte), pid (64 bits), build
 * client: one operation byte
 *   RUN       the rest is {@link ServiceSocket}'s request and answer of that protocol (only when the protocols are equal)
 *   MAKE_WAY  daemon: going (byte), transfers under way, other clients; it exits when it was idle
 *   QUIT      daemon: 1 (byte), then it exits; its transfers under way continue when it next starts
 * </pre>
 * Numbers are big-endian, texts an int length and UTF-8, as in {@link ServiceSocket}.
 */
public final class Handshake {
    /** The protocol behind {@link #RUN}: 3 since the handshake (2 was the request's own magic "BGT2"). */
    public static final int PROTOCOL = 3;
    /** "BGTH". A client before the handshake sent a request length here, at most 1 MiB. */
    public static final int MAGIC = 0x42475448;
    public static final byte RUN = 'R';
    public static final byte MAKE_WAY = 'W';
    public static final byte QUIT = 'Q';
    private static final int MAX_TEXT = 1024;

    private Handshake() {
    }

    /** What a client says first: its protocol and its build (the command line bundle's version). */
    public record ClientHello(int protocol, String build) {

        public void writeTo(SocketChannel channel) throws IOException {
            byte[] text = build.getBytes(StandardCharsets.UTF_8);
            ServiceSocket.writeFully(channel, ByteBuffer.allocate(3 * Integer.BYTES + text.length)
                    .putInt(MAGIC).putInt(protocol).putInt(text.length).put(text).flip());
        }

        /** Reads the rest of a hello whose {@link #MAGIC} was read. */
        public static ClientHello readAfterMagic(SocketChannel channel) throws IOException {
            int protocol = readInt(channel);
            return new ClientHello(protocol, readText(channel));
        }
    }

    /** How the daemon answers a hello. */
    public record DaemonHello(int protocol, boolean accepting, long pid, String build) {

        public void writeTo(SocketChannel channel) throws IOException {
            byte[] text = build.getBytes(StandardCharsets.UTF_8);
            ServiceSocket.writeFully(channel, ByteBuffer.allocate(3 * Integer.BYTES + 1 + Long.BYTES + text.length)
                    .putInt(MAGIC).putInt(protocol).put((byte) (accepting ? 1 : 0)).putLong(pid)
                    .putInt(text.length).put(text).flip());
        }

        /** @throws EOFException when the peer closed before it answered (it was ending, or speaks no handshake) */
        public static DaemonHello readFrom(SocketChannel channel) throws IOException {
            if (readInt(channel) != MAGIC) {
                throw new IOException("Not a bgtransfer daemon");
            }
            int protocol = readInt(channel);
            boolean accepting = ServiceSocket.readFully(channel, ByteBuffer.allocate(1)).get() == 1;
            long pid = ServiceSocket.readFully(channel, ByteBuffer.allocate(Long.BYTES)).getLong();
            return new DaemonHello(protocol, accepting, pid, readText(channel));
        }
    }

    /** The daemon's answer to {@link #MAKE_WAY}: whether it goes, and if not what keeps it. */
    public record MakeWayAnswer(boolean going, int transfersUnderWay, int otherClients) {

        public void writeTo(SocketChannel channel) throws IOException {
            ServiceSocket.writeFully(channel, ByteBuffer.allocate(1 + 2 * Integer.BYTES)
                    .put((byte) (going ? 1 : 0)).putInt(transfersUnderWay).putInt(otherClients).flip());
        }

        public static MakeWayAnswer readFrom(SocketChannel channel) throws IOException {
            ByteBuffer answer = ServiceSocket.readFully(channel, ByteBuffer.allocate(1 + 2 * Integer.BYTES));
            return new MakeWayAnswer(answer.get() == 1, answer.getInt(), answer.getInt());
        }
    }

    public static void writeOperation(SocketChannel channel, byte operation) throws IOException {
        ServiceSocket.writeFully(channel, ByteBuffer.allocate(1).put(operation).flip());
    }

    public static byte readOperation(SocketChannel channel) throws IOException {
        return ServiceSocket.readFully(channel, ByteBuffer.allocate(1)).get();
    }

    public static int readInt(SocketChannel channel) throws IOException {
        return ServiceSocket.readFully(channel, ByteBuffer.allocate(Integer.BYTES)).getInt();
    }

    private static String readText(SocketChannel channel) throws IOException {
        int length = readInt(channel);
        if (length < 0 || length > MAX_TEXT) {
            throw new IOException("Not a bgtransfer hello");
        }
        return new String(ServiceSocket.readFully(channel, ByteBuffer.allocate(length)).array(),
                StandardCharsets.UTF_8);
    }
}
