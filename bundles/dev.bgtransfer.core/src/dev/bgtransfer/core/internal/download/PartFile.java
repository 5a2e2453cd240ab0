package dev.bgtransfer.core.internal.download;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import dev.bgtransfer.core.internal.http.TransferException;

/**
 * The partial file of a download, open for writing at an offset: every disk error becomes a
 * {@link TransferException} that names the file, and {@link #force()} makes the bytes so far
 * durable for a checkpoint. Never follows a symbolic link.
 */
final class PartFile implements AutoCloseable {
    private static final int READ_BUFFER = 128 * 1024;

    private final Path path;
    private final FileChannel channel;

    private PartFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Opens {@code path}, cuts it to {@code offset} bytes and positions the writes there. */
    static PartFile openAt(Path path, long offset) throws TransferException {
        try {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS);
            try {
                channel.truncate(offset);
                channel.position(offset);
            } catch (IOException failed) {
                channel.close();
                throw failed;
            }
            return new PartFile(path, channel);
        } catch (IOException cannotOpen) {
            throw DiskFailures.disk(cannotOpen, path);
        }
    }

    /**
     * Opens {@code path} as it is, for the positional writes of several connections at once (see
     * {@link #writeAt}); cuts nothing.
     */
    static PartFile openForSlices(Path path) throws TransferException {
        try {
            return new PartFile(path, FileChannel.open(path, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException cannotOpen) {
            throw DiskFailures.disk(cannotOpen, path);
        }
    }

    /** Writes {@code chunk} at {@code position} of the file, whatever other threads write elsewhere. */
    void writeAt(ByteBuffer chunk, long position) throws TransferException {
        try {
            long at = position;
            while (chunk.hasRemaining()) {
                at += channel.write(chunk, at);
            }
        } catch (IOException cannotWrite) {
            throw DiskFailures.disk(cannotWrite, path);
        }
    }

    /** Feeds the first {@code length} bytes already in the file to {@code digest}. */
    void digestFirst(long length, MessageDigest digest) throws TransferException {
        digest(channel, length, digest, path);
    }

    void write(ByteBuffer chunk) throws TransferException {
        try {
            while (chunk.hasRemaining()) {
                channel.write(chunk);
            }
        } catch (IOException cannotWrite) {
            throw DiskFailures.disk(cannotWrite, path);
        }
    }

    /** Forces what was written to the disk. */
    void force() throws TransferException {
        try {
            channel.force(false);
        } catch (IOException cannotForce) {
            throw DiskFailures.disk(cannotForce, path);
        }
    }

    @Override
    public void close() throws TransferException {
        try {
            channel.close();
        } catch (IOException cannotClose) {
            throw DiskFailures.disk(cannotClose, path);
        }
    }

    /** @return the SHA-256 of the first {@code length} bytes of {@code file} */
    static byte[] sha256Of(Path file, long length) throws TransferException {
        MessageDigest digest = newSha256();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            digest(channel, length, digest, file);
            return digest.digest();
        } catch (IOException unreadable) {
            throw DiskFailures.disk(unreadable, file);
        }
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("The JDK offers no SHA-256", missing);
        }
    }

    private static void digest(FileChannel channel, long length, MessageDigest digest, Path path)
            throws TransferException {
        ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);
        long position = 0;
        try {
            while (position < length) {
                buffer.clear().limit((int) Math.min(READ_BUFFER, length - position));
                int read = channel.read(buffer, position);
                if (read < 0) {
                    break;
                }
                digest.update(buffer.array(), 0, read);
                position += read;
            }
        } catch (IOException unreadable) {
            throw DiskFailures.disk(unreadable, path);
        }
    }
}
