package dev.bgtransfer.remote.internal.wire;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.ReentrantLock;

import org.eclipse.osgi.util.NLS;

/**
 * Messages on a socket: each a JSON object in UTF-8, after its length in bytes as a big-endian
 * 32-bit integer. One thread reads; any number write, one whole message at a time.
 */
public final class FrameChannel implements AutoCloseable {
    /** A frame longer than this is no frame of ours (an HTTP request line read as a length is ~1.2 GB). */
    static final int MAX_FRAME = 256 << 20;

    private final SocketChannel channel;
    private final ByteBuffer header = ByteBuffer.allocate(Integer.BYTES);
    private final ReentrantLock writing = new ReentrantLock();

    public FrameChannel(SocketChannel channel) {
        this.channel = channel;
    }

    /**
     * @return the next message
     * @throws EOFException  when the peer closed the connection
     * @throws WireException when what came is no message of this wire
     */
    public JsonObject read() throws IOException {
        int length = readFully(header.clear()).getInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new WireException(NLS.bind(Messages.frameLength, Integer.toUnsignedString(length)));
        }
        ByteBuffer body = readFully(ByteBuffer.allocate(length));
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(body).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new WireException(Messages.frameNotUtf8);
        }
        if (!(Json.parse(text) instanceof JsonObject message)) {
            throw new WireException(Messages.frameNotObject);
        }
        return message;
    }

    /** Writes {@code message} whole, after any message another thread is writing. */
    public void write(JsonObject message) throws IOException {
        ByteBuffer body = StandardCharsets.UTF_8.encode(CharBuffer.wrap(Json.write(message)));
        ByteBuffer frame = ByteBuffer.allocate(Integer.BYTES + body.remaining());
        frame.putInt(body.remaining()).put(body).flip();
        writing.lock();
        try {
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
        } finally {
            writing.unlock();
        }
    }

    private ByteBuffer readFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException();
            }
        }
        return buffer.flip();
    }

    public boolean isOpen() {
        return channel.isOpen();
    }

    /** Closes the socket; a thread blocked reading or writing it gets an exception at once. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException alreadyBroken) {
            // closed either way
        }
    }
}
