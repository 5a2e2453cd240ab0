package dev.bgtransfer.core.internal.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

import dev.bgtransfer.core.internal.bandwidth.Throttle;
import dev.bgtransfer.core.internal.http.ConnectionAbort;

/**
 * A request body: the source file from an offset to its recorded size, written in chunks; its start
 * and each chunk are reported to the {@link UploadProgress}. A file that ends early (it shrank) fails
 * the write with {@link ShrunkException}. Its writes are held to the upload's {@link Throttle}.
 */
final class FileBody extends AbstractHttpEntity {
    private static final int CHUNK = 64 * 1024;

    private final SourceFile source;
    private final long offset;
    private final UploadProgress progress;
    private final Throttle throttle;
    private final ConnectionAbort abort;

    /** @param abort the connection's, which ends a wait for the throttle at once */
    FileBody(SourceFile source, long offset, ContentType type, UploadProgress progress, Throttle throttle,
            ConnectionAbort abort) {
        super(type, null);
        this.throttle = throttle;
        this.abort = abort;
        this.source = source;
        this.offset = offset;
        this.progress = progress;
    }

    @Override
    public long getContentLength() {
        return source.size() - offset;
    }

    @Override
    public InputStream getContent() throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(source.path());
        channel.position(offset);
        return Channels.newInputStream(channel);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        byte[] buffer = new byte[CHUNK];
        long sent = offset;
        // before the first byte: the listener stores an upload resource the 104 named, so that no byte reaches
        // the server under a resource a process killed now would not know
        progress.sent(sent, source.size());
        try (InputStream in = getContent()) {
            while (sent < source.size()) {
                int read = in.read(buffer, 0, (int) Math.min(throttle.stepSize(CHUNK), source.size() - sent));
                if (read < 0) {
                    throw new ShrunkException();
                }
                out.write(buffer, 0, read);
                // paid before the progress, which tells the stall watchdog: a wait for the limit is no stall
                throttle.pay(read, abort);
                sent += read;
                progress.sent(sent, source.size());
            }
        }
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {
        // every write opens and closes the file itself
    }

    /** The file had fewer bytes than recorded when its body was sent. */
    static final class ShrunkException extends IOException {
        private static final long serialVersionUID = 1L;

        ShrunkException() {
            super("the file to upload became shorter");
        }
    }
}
