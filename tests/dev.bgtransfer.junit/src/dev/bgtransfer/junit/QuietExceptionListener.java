package dev.bgtransfer.junit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hc.core5.http.ExceptionListener;
import org.apache.hc.core5.http.HttpConnection;

/**
 * Swallows the I/O errors that clients cause all the time (disconnects, resets, broken pipes,
 * timeouts, connections dropped on purpose) and keeps everything else for
 * {@link TestHttpServer#serverErrors()}. Never prints anything.
 */
final class QuietExceptionListener implements ExceptionListener {

    private final List<Exception> errors = new ArrayList<>();

    @Override
    public void onError(Exception ex) {
        record(ex);
    }

    @Override
    public void onError(HttpConnection connection, Exception ex) {
        record(ex);
    }

    private void record(Exception ex) {
        if (ex instanceof IOException) {
            return;
        }
        synchronized (errors) {
            errors.add(ex);
        }
    }

    List<Exception> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    void clear() {
        synchronized (errors) {
            errors.clear();
        }
    }
}
