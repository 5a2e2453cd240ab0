package dev.bgtransfer.samples.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.eclipse.core.runtime.ILog;

/**
 * One line per request, {@code METHOD PATH RANGE STATUS} ({@code -} for no range), appended to a
 * file when one is configured: lets a test see what a client asked for, e.g. that a resume was ranged.
 */
final class AccessLog implements AutoCloseable {
    private final Writer writer;

    private AccessLog(Writer writer) {
        this.writer = writer;
    }

    /** @param file where to append, or {@code null}/blank for no log */
    static AccessLog open(String file) {
        if (file == null || file.isBlank()) {
            return new AccessLog(null);
        }
        try {
            return new AccessLog(Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        } catch (IOException unwritable) {
            ILog.of(AccessLog.class).warn(unwritable.toString());
            return new AccessLog(null);
        }
    }

    void record(ClassicHttpRequest request, int status) {
        if (writer == null) {
            return;
        }
        Header range = request.getFirstHeader(HttpHeaders.RANGE);
        String line = request.getMethod() + ' ' + request.getPath() + ' '
                + (range == null ? "-" : range.getValue().replace(' ', '_')) + ' ' + status + '\n';
        synchronized (this) {
            try {
                writer.write(line);
                writer.flush();
            } catch (IOException unwritable) {
                // a test aid: losing a line must never break serving
            }
        }
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // nothing more to write
            }
        }
    }
}
